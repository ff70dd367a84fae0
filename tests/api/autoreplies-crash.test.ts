// Issue 12: the auto-reply catch-up pass at start. A gateway that is SIGKILLed after an incoming
// message was stored but before it was answered answers it after the restart, once; a message
// whose reply was queued (and sent) but whose hit the crash kept from being recorded is not
// answered again; one answered before the crash is not answered again; and a message stored by a
// history sync (no `message` event) is never answered.
//
// How the test holds the gateway between "stored" and "answered" without a hook in the product:
// it takes a PostgreSQL lock on auto_reply_hits. In SHARE mode the auto-replier can read and queue
// its reply but cannot record the hit; in ACCESS EXCLUSIVE mode it cannot even look. Storing an
// incoming message never touches that table. The kill then ends the process, and the test ends
// its database connections too, as a crashed host's would end, before letting go of the lock.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request } from "../support/api-client";
import { type ReceivedByContact, jidOf, pairedSession, receivedBy, registerTenant, startSandboxGateway, waitForSessionStatus } from "../support/sandbox";
import { waitFor } from "../support/wait";
import { contactSays } from "./automation-support";

const CONTACT = "15550100077";

const servers: TestServer[] = [];
const clients: pg.Client[] = [];
afterAll(async () => {
  for (const client of clients) await client.end().catch(() => {});
  for (const server of servers.reverse()) await server.stop().catch(() => {});
});

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  clients.push(client);
  return client;
}

describe("auto-reply catch-up after a crash", () => {
  it("answers what a SIGKILL left unanswered once, and nothing twice, and no history-sync message", { timeout: 240_000 }, async (ctx) => {
    const first = await startSandboxGateway();
    servers.push(first);
    if (!first.databaseUrl) ctx.skip(); // the lock needs the test's own PostgreSQL database
    const tenant = await registerTenant(first.baseUrl);
    const session = await pairedSession(first.baseUrl, tenant);
    const as = { apiKey: tenant.key };
    expectOk(
      await request("PATCH", `/api/sessions/${session.sessionId}/settings`, { baseUrl: first.baseUrl, as, json: { config: { autoReplyEnabled: true } } }),
      "auto-replies on",
    );
    expectOk(await request("POST", "/api/sandbox/contacts", { baseUrl: first.baseUrl, as, json: { phone: CONTACT, name: "Crash Tester" } }), "contact", 201);
    expectOk(
      await request("POST", "/api/autoreplies", {
        baseUrl: first.baseUrl,
        as,
        json: { sessionId: session.sessionId, keyword: "catch", matchType: "CONTAINS", response: "got: {{message}}", quote: true, cooldownSeconds: 0 },
      }),
      "rule",
    );
    const inbox = (base: string) => receivedBy(base, tenant, CONTACT, session.sessionId);
    const replyTo = (messages: ReceivedByContact[], id: string) =>
      messages.filter(
        (m) => (m.message as { extendedTextMessage?: { contextInfo?: { stanzaId?: string } } })?.extendedTextMessage?.contextInfo?.stanzaId === id,
      );

    // 1. Answered before the crash, the normal way.
    const one = await contactSays(first.baseUrl, tenant, CONTACT, session.sessionId, "catch one");
    await waitFor("the reply to the first message", async () => replyTo(await inbox(first.baseUrl), one).length === 1);

    const db = await connect(first.databaseUrl!);
    const stored = (keyId: string) =>
      waitFor(`message ${keyId} stored`, async () => {
        const { rows } = await db.query('SELECT 1 FROM messages WHERE "sessionId" = $1 AND "keyId" = $2', [session.id, keyId]);
        return rows.length === 1;
      });
    const holder = await connect(first.databaseUrl!);
    await holder.query("BEGIN");

    // 2. Reply queued and sent, hit not recorded: SHARE lets the auto-replier read and queue, not insert.
    await holder.query("LOCK TABLE auto_reply_hits IN SHARE MODE");
    const three = await contactSays(first.baseUrl, tenant, CONTACT, session.sessionId, "catch three");
    await waitFor("the reply to the second message, sent while its hit waits", async () => replyTo(await inbox(first.baseUrl), three).length === 1);

    // 3. Stored, not answered at all: ACCESS EXCLUSIVE keeps the auto-replier from even looking.
    await holder.query("LOCK TABLE auto_reply_hits IN ACCESS EXCLUSIVE MODE");
    const two = await contactSays(first.baseUrl, tenant, CONTACT, session.sessionId, "catch two");
    await stored(two);
    const before = await inbox(first.baseUrl);
    await first.kill();
    // The dead process's connections end as a crashed host's would, and only then the lock goes:
    // its statements waiting on the lock must not finish on its behalf.
    await db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid NOT IN ($1, $2)", [
      (db as unknown as { processID: number }).processID,
      (holder as unknown as { processID: number }).processID,
    ]);
    await holder.query("ROLLBACK");

    // What the crash left: "one" answered and recorded; "three" answered but not recorded; "two" neither.
    const hits = async () =>
      (await db.query<{ incomingKeyId: string }>('SELECT "incomingKeyId" FROM auto_reply_hits WHERE "sessionId" = $1', [session.id])).rows.map(
        (r) => r.incomingKeyId,
      );
    const replies = async (keyId: string) =>
      Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM messages WHERE "idempotencyKey" = $1', [`autoreply:${session.id}:${keyId}`])).rows[0].n);
    expect((await hits()).sort()).toEqual([one]);
    expect([await replies(one), await replies(three), await replies(two)]).toEqual([1, 1, 0]);
    expect(replyTo(before, two)).toEqual([]);

    // A message a history sync stored while the gateway was down: stored like any other (recent,
    // from the contact, matching the rule), but a sync records no `message` event for it.
    const historyId = `HISTORY${Date.now()}`;
    await db.query(
      `INSERT INTO messages (id, "sessionId", "ownerId", "remoteJid", "keyId", "fromMe", "pushName", type, content, status, timestamp, "receivedAt", "updatedAt")
       SELECT $1, s.id, s."ownerId", $2, $3, false, 'Crash Tester', 'TEXT', 'catch history', 'DELIVERED', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       FROM whatsapp_sessions s WHERE s.id = $4`,
      [`h${historyId}`, jidOf(CONTACT), historyId, session.id],
    );

    const second = await startSandboxGateway({}, first.state);
    servers.push(second);
    await waitForSessionStatus(second.baseUrl, tenant, session.sessionId, "CONNECTED", 60_000);
    // The catch-up answers in the order the messages came ("three" before "two"): once "two" is
    // answered and recorded, "three" was looked at too.
    const after = await waitFor("the reply to the unanswered message after the restart", async () => {
      const got = await inbox(second.baseUrl);
      return replyTo(got, two).length === 1 && got;
    });
    expect(replyTo(after, two)[0].text).toBe("got: catch two");
    await waitFor("every hit recorded", async () => (await hits()).length === 3);
    expect((await hits()).sort()).toEqual([one, two, three].sort());
    // Each message answered exactly once, counted in the send queue and at the contact's phone.
    expect([await replies(one), await replies(three), await replies(two), await replies(historyId)]).toEqual([1, 1, 1, 0]);
    const all = [...before, ...(await inbox(second.baseUrl))];
    expect([one, two, three].map((id) => new Set(replyTo(all, id).map((m) => m.id)).size)).toEqual([1, 1, 1]);
    expect(all.filter((m) => m.text === "got: catch history")).toEqual([]);
    // The rule's hit count says three, not four.
    const rules = expectOk(await request("GET", `/api/autoreplies?sessionId=${session.sessionId}`, { baseUrl: second.baseUrl, as }), "rules").body;
    expect(rules[0].hitCount).toBe(3);
  });
});
