// message.sent is announced once for every send, whichever of the two writes records its SENT:
// Baileys' echo of the message (the usual way) or the send worker itself when no echo came in
// time (lib/messages/sends-awaiting-echo.ts). Before, a send whose SENT the worker wrote was
// announced only if its echo came later in the same process: a crash in between left a message on
// the phone that no webhook ever heard of. Here the worker waits 0 ms for the echo, so it records
// SENT and message.sent first, and the echo that follows is stored without a second announcement;
// then the echo's store transaction is made to fail (a trigger in the test database), which is what
// a crash between the two writes looks like to the event log: the message is announced all the same.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request } from "../support/api-client";
import { ALICE, jidOf, pairedSession, receivedBy, registerTenant, send, startSandboxGateway, storedMessage } from "../support/sandbox";
import { waitFor } from "../support/wait";

const N = 8;

let server: TestServer | undefined;
afterAll(async () => {
  await server?.stop().catch(() => {});
});

interface SessionEvent {
  seq: number;
  /** When it was recorded: its transaction's start, the same for every event of one transaction. */
  timestamp: string;
  event: string;
  data: { messageId?: string; text?: string | null; status?: string };
}

async function sessionEvents(base: string, key: string, sessionId: string): Promise<SessionEvent[]> {
  const events = expectOk(await request("GET", `/api/sessions/${sessionId}/events`, { baseUrl: base, as: { apiKey: key } }), "events").body as SessionEvent[];
  return events.sort((a, b) => a.seq - b.seq);
}

describe("message.sent when the worker writes SENT", () => {
  it("every send is announced once, with its text, in the order sent", { timeout: 120_000 }, async () => {
    server = await startSandboxGateway({ SEND_ECHO_WAIT_MS: "0" });
    const base = server.baseUrl;
    const tenant = await registerTenant(base);
    const session = await pairedSession(base, tenant);
    const texts = Array.from({ length: N }, (_, i) => `announced ${i} ${session.sessionId}`);
    const items = texts.map((text) => ({ sessionId: session.sessionId, jid: ALICE, message: { text } }));
    const ids = (expectOk(await send(base, tenant, items), "batch").body as Array<{ messageId: string }>).map((r) => r.messageId);
    await waitFor("the batch at the contact", async () => (await receivedBy(base, tenant, ALICE, session.sessionId)).length >= N);
    // Every send SENT or further; the echo, when it came, was stored as WhatsApp's view of it.
    await waitFor("every send past PENDING", async () => {
      const stored = await Promise.all(ids.map((id) => storedMessage(base, tenant, session.sessionId, jidOf(ALICE), id)));
      return stored.every((m) => m && m.status !== "PENDING");
    });
    await new Promise((r) => setTimeout(r, 1000)); // room for a late second announcement, were there one

    const ordered = await sessionEvents(base, tenant.key, session.sessionId);
    for (const [i, id] of ids.entries()) {
      const sent = ordered.filter((e) => e.event === "message.sent" && e.data.messageId === id);
      expect(sent, `message.sent of send ${i}`).toHaveLength(1);
      expect(sent[0].data.text).toBe(texts[i]);
      // SENT is announced when the send moved there (a receipt that came first moved it further):
      // at most once, and before the message, as the echo announces them.
      const sentUpdate = ordered.filter((e) => e.event === "message.update" && e.data.messageId === id && e.data.status === "SENT");
      expect(sentUpdate.length, `message.update SENT of send ${i}`).toBeLessThanOrEqual(1);
      // And in the same transaction as the SENT: a crash cannot record one without the other.
      if (sentUpdate[0]) {
        expect(sentUpdate[0].seq).toBeLessThan(sent[0].seq);
        expect(sent[0].timestamp, `send ${i}: message.sent recorded with its SENT`).toBe(sentUpdate[0].timestamp);
      }
    }
    expect(ordered.filter((e) => e.event === "message.sent").map((e) => e.data.messageId)).toEqual(ids);
    const withSent = ids.filter((id) => ordered.some((e) => e.event === "message.update" && e.data.messageId === id && e.data.status === "SENT"));
    console.log(`[sent-announced] ${withSent.length} of ${N} sends announced SENT before a receipt moved them on`);
  });

  it("a send whose echo could not be stored is announced all the same", { timeout: 120_000 }, async () => {
    if (!server?.databaseUrl) return console.warn("[sent-announced] skipped: the embedded database cannot be reached from the test");
    const base = server.baseUrl;
    const tenant = await registerTenant(base);
    const session = await pairedSession(base, tenant);
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      // Storing WhatsApp's view of these messages (their echo) fails, as it would if the process
      // died before that write; the worker's own SENT write is the only one that commits.
      await client.query(`CREATE FUNCTION test_fail_echo() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.content LIKE 'echo fails %' AND NEW.raw IS NOT NULL AND OLD.raw IS NULL THEN RAISE EXCEPTION 'echo not stored (test)'; END IF;
          RETURN NEW;
        END $$`);
      await client.query(`CREATE TRIGGER test_fail_echo BEFORE UPDATE ON messages FOR EACH ROW EXECUTE FUNCTION test_fail_echo()`);
      const texts = [0, 1, 2].map((i) => `echo fails ${i} ${session.sessionId}`);
      const items = texts.map((text) => ({ sessionId: session.sessionId, jid: ALICE, message: { text } }));
      const ids = (expectOk(await send(base, tenant, items), "batch").body as Array<{ messageId: string }>).map((r) => r.messageId);
      await waitFor("the sends at the contact", async () => (await receivedBy(base, tenant, ALICE, session.sessionId)).length >= texts.length);
      const events = await waitFor("a message.sent for every send", async () => {
        const all = await sessionEvents(base, tenant.key, session.sessionId);
        return ids.every((id) => all.some((e) => e.event === "message.sent" && e.data.messageId === id)) && all;
      });
      const { rows } = await client.query<{ keyId: string; raw: boolean }>(`SELECT "keyId", raw IS NOT NULL AS raw FROM messages WHERE "keyId" = ANY($1)`, [
        ids,
      ]);
      expect(
        rows.filter((r) => r.raw),
        "no echo stored (the fault really happened)",
      ).toEqual([]);
      for (const [i, id] of ids.entries()) {
        const sent = events.filter((e) => e.event === "message.sent" && e.data.messageId === id);
        expect(sent, `message.sent of send ${i}`).toHaveLength(1);
        expect(sent[0].data.text).toBe(texts[i]);
      }
    } finally {
      await client.query(`DROP TRIGGER IF EXISTS test_fail_echo ON messages; DROP FUNCTION IF EXISTS test_fail_echo()`).catch(() => {});
      await client.end();
    }
  });
});
