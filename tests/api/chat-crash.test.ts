// Issue 5: a crash between accepting a send and sending it neither loses nor duplicates it. A
// gateway accepts a batch on a paced session and is SIGKILLed while most of it is still queued and
// one message is in hand (claimed, showing typing); a new process on the same data sends the rest,
// the claimed one once its lease has run out: every accepted message reaches the contact once.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk } from "../support/api-client";
import {
  ALICE,
  type ReceivedByContact,
  jidOf,
  pairedSession,
  receivedBy,
  registerTenant,
  send,
  startSandboxGateway,
  storedMessage,
  waitForSessionStatus,
} from "../support/sandbox";
import { waitFor } from "../support/wait";

const N = 10;
/** The batch item that is claimed (typing) when the process dies. */
const IN_HAND = 3;
/** Paced so that the kill finds most of the batch still queued. */
const PACING = { enabled: true, minGapMs: 600, jitterMs: 0, maxPerMinute: 1000 };

const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers.reverse()) await server.stop().catch(() => {});
});

describe("crash safety", () => {
  it("every message accepted before a SIGKILL arrives exactly once after the restart", { timeout: 180_000 }, async () => {
    const first = await startSandboxGateway();
    servers.push(first);
    const tenant = await registerTenant(first.baseUrl);
    const session = await pairedSession(first.baseUrl, tenant, { pacing: PACING });
    const texts = Array.from({ length: N }, (_, i) => `crash ${i} ${session.sessionId}`);
    const items = texts.map((text, i) => ({ sessionId: session.sessionId, jid: ALICE, message: { text }, ...(i === IN_HAND ? { typingTime: 5000 } : {}) }));
    const accepted = expectOk(await send(first.baseUrl, tenant, items), "batch").body;
    const ids: string[] = accepted.map((r: { messageId: string }) => r.messageId);

    // Kill the process while item IN_HAND is claimed and typing: after the one before it arrived,
    // the worker waits one gap, claims it, and shows typing for five seconds.
    let before: ReceivedByContact[] = [];
    await waitFor(
      "the sends before the one in hand",
      async () => (before = await receivedBy(first.baseUrl, tenant, ALICE, session.sessionId)).length >= IN_HAND,
    );
    await new Promise((r) => setTimeout(r, PACING.minGapMs + 1500));
    before = await receivedBy(first.baseUrl, tenant, ALICE, session.sessionId);
    await first.kill();
    expect(before.map((m) => m.id)).toEqual(ids.slice(0, IN_HAND));

    // The emulated network lives in the gateway's process, so the new process's contact starts with
    // an empty inbox: what it receives now plus what it had received before must be the batch, once.
    const second = await startSandboxGateway({}, first.state);
    servers.push(second);
    await waitForSessionStatus(second.baseUrl, tenant, session.sessionId, "CONNECTED", 60_000);
    const after = await waitFor(
      "the rest of the batch",
      async () => {
        const got = await receivedBy(second.baseUrl, tenant, ALICE, session.sessionId);
        return before.length + got.length >= N && got;
      },
      90_000,
    );
    await new Promise((r) => setTimeout(r, 2 * PACING.minGapMs)); // room for a duplicate, were there one
    const all = [...before, ...(await receivedBy(second.baseUrl, tenant, ALICE, session.sessionId))];
    expect(all.map((m) => m.id).sort()).toEqual([...ids].sort());
    expect(all.map((m) => m.text).sort()).toEqual([...texts].sort());
    expect(after.length).toBe(N - IN_HAND);
    // The one in hand really was claimed when the process died: it took a second claim (after the
    // first one's lease ran out) to send it; every other message took one.
    if (second.databaseUrl) {
      const client = new pg.Client({ connectionString: second.databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ keyId: string; attempts: number }>('SELECT "keyId", attempts FROM messages WHERE "keyId" = ANY($1)', [ids]);
        const attempts = Object.fromEntries(rows.map((r) => [r.keyId, r.attempts]));
        expect(ids.map((id) => attempts[id])).toEqual(ids.map((_, i) => (i === IN_HAND ? 2 : 1)));
      } finally {
        await client.end();
      }
    }
    for (const id of ids) {
      const stored = await storedMessage(second.baseUrl, tenant, session.sessionId, jidOf(ALICE), id);
      expect(["SENT", "DELIVERED", "READ"], id).toContain(stored?.status);
    }
  });
});
