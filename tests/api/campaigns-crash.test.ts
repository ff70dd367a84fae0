// Issue 13: a gateway SIGKILLed in the middle of a campaign — with the next recipient queued in the
// send queue — completes it after the restart, every recipient exactly once (counted at the
// emulated contacts: what each received from the first process plus from the second).
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request, uniqueName } from "../support/api-client";
import { pairedSession, receivedBy, type ReceivedByContact, registerTenant, startSandboxGateway, waitForSessionStatus } from "../support/sandbox";
import { waitFor } from "../support/wait";
import { createContacts, waitForCampaign } from "./campaigns-support";

const N = 10;
/** Long enough that the kill, right after an arrival, comes before the next send. */
const GAP_MS = 5000;

const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers.reverse()) await server.stop().catch(() => {});
});

describe("campaign crash safety", () => {
  it("a campaign interrupted by SIGKILL reaches every recipient exactly once after the restart", { timeout: 240_000 }, async () => {
    const first = await startSandboxGateway();
    servers.push(first);
    const tenant = await registerTenant(first.baseUrl);
    const session = await pairedSession(first.baseUrl, tenant);
    const contacts = await createContacts(first.baseUrl, tenant, N, "41");
    const marker = uniqueName("k");
    const created = expectOk(
      await request("POST", "/api/campaigns", {
        baseUrl: first.baseUrl,
        as: { apiKey: tenant.key },
        json: {
          name: "Crash",
          sessionId: session.sessionId,
          message: { text: `{{Name}} ${marker}` },
          recipients: contacts.map((c) => ({ number: c.phone, name: c.name })),
          settings: { delayMs: GAP_MS },
          start: true,
        },
      }),
      "create",
      201,
    ).body;

    // All inboxes at once: the snapshot before the kill must not straddle a send.
    const inbox = async (base: string) =>
      (
        await Promise.all(
          contacts.map(async (c) =>
            (await receivedBy(base, tenant, c.phone, session.sessionId)).filter((m) => m.text?.includes(marker)).map((m) => ({ ...m, contact: c.phone })),
          ),
        )
      ).flat() as Array<ReceivedByContact & { contact: string }>;
    const before = await waitFor(
      "three recipients",
      async () => {
        const got = await inbox(first.baseUrl);
        return got.length >= 3 && got;
      },
      60_000,
    );
    await first.kill();
    expect(before.length).toBeLessThan(N);

    const second = await startSandboxGateway({}, first.state);
    servers.push(second);
    await waitForSessionStatus(second.baseUrl, tenant, session.sessionId, "CONNECTED", 60_000);
    const done = await waitForCampaign(second.baseUrl, tenant, created.id, "completed", 180_000);
    expect(done.statistics).toMatchObject({ total: N, sent: N, failed: 0, skipped: 0 });
    const after = await inbox(second.baseUrl);
    // A send that reached WhatsApp just before the kill, but was not yet marked SENT, goes out again
    // after the restart under the SAME message id — which WhatsApp clients drop as a duplicate (our
    // emulated phones do not, so they may list it twice). Exactly once therefore means one message
    // id per recipient.
    const distinct = new Map([...before, ...after].map((m) => [m.id, m]));
    const perContact = contacts.map((c) => [...distinct.values()].filter((m) => m.contact === c.phone).map((m) => m.text));
    expect(perContact, JSON.stringify({ before: before.map((m) => [m.contact, m.id]), after: after.map((m) => [m.contact, m.id]) })).toEqual(
      contacts.map((c) => [`${c.name} ${marker}`]),
    );
    // And in the send queue: one message per recipient, each sent once (one claim).
    if (second.databaseUrl) {
      const client = new pg.Client({ connectionString: second.databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ remoteJid: string; status: string }>(
          `SELECT "remoteJid", status FROM messages WHERE payload->>'campaignId' = $1`,
          [created.id],
        );
        expect(rows.map((r) => r.remoteJid).sort()).toEqual(contacts.map((c) => `${c.phone}@s.whatsapp.net`).sort());
      } finally {
        await client.end();
      }
    }
  });
});
