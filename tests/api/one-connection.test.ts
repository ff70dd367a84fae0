// A gateway whose database pool has ONE connection — what the embedded database serves
// (lib/db/embedded-postgres.ts) — still stores, announces and delivers everything. Code that,
// inside a transaction, reads through the root client instead of the transaction waits for a
// second connection that a pool of one never has: the embedded gateway then hangs under load (found
// by the latency benchmark: the webhook cache's first read of an owner's webhooks was such a read,
// inside every store transaction after a webhook change). A real PostgreSQL with a pool of one
// shows the same wait: on PostgreSQL the gateway gets `connection_limit=1`; without DATABASE_URL it
// runs on the embedded database itself, whose pool is one connection anyway.
import { afterAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request } from "../support/api-client";
import { ALICE, SANDBOX_ENV, contactSends, pairedSession, registerTenant, send } from "../support/sandbox";
import { startReceiver, type Receiver } from "../support/webhook-receiver";
import { createContacts, waitForCampaign } from "./campaigns-support";

const N = 6;

let server: TestServer | undefined;
let hooks: Receiver | undefined;
let tenant: Awaited<ReturnType<typeof registerTenant>>;
let session: Awaited<ReturnType<typeof pairedSession>>;
const sentTexts = () => hooks!.received.filter((r) => r.body.event === "message.sent").map((r) => r.body.data.text as string);
afterAll(async () => {
  await hooks?.close();
  await server?.stop().catch(() => {});
});

describe("a database pool of one connection", () => {
  it("messages in and out are stored, announced and delivered to a webhook", { timeout: 150_000 }, async () => {
    server = await startTestServer({ env: SANDBOX_ENV, databaseParams: { connection_limit: "1" } });
    const base = server.baseUrl;
    tenant = await registerTenant(base);
    session = await pairedSession(base, tenant);
    hooks = await startReceiver();
    // A webhook written now: the next recorded event reads the owner's webhooks afresh.
    expectOk(
      await request("POST", "/api/webhooks", {
        baseUrl: base,
        as: { apiKey: tenant.key },
        json: { name: "one-connection", url: hooks.url, events: ["message.received", "message.sent"] },
      }),
      "webhook",
    );
    const incoming = Array.from({ length: N }, (_, i) => `in ${i} ${session.sessionId}`);
    for (const text of incoming) await contactSends(base, tenant, session.sessionId, text);
    const outgoing = Array.from({ length: N }, (_, i) => `out ${i} ${session.sessionId}`);
    expectOk(
      await send(
        base,
        tenant,
        outgoing.map((text) => ({ sessionId: session.sessionId, jid: ALICE, message: { text } })),
      ),
      "sends",
    );

    const texts = (event: string) => hooks!.received.filter((r) => r.body.event === event).map((r) => r.body.data.text as string);
    await hooks.waitFor(
      () => incoming.every((t) => texts("message.received").includes(t)) && outgoing.every((t) => texts("message.sent").includes(t)),
      "every message in and out",
      60_000,
    );
    // In the order they happened, each direction.
    expect(texts("message.received").filter((t) => incoming.includes(t))).toEqual(incoming);
    expect(texts("message.sent").filter((t) => outgoing.includes(t))).toEqual(outgoing);
  });

  it("an auto-reply, a scheduled message and a campaign run to the end", { timeout: 150_000 }, async () => {
    const base = server!.baseUrl;
    const as = { apiKey: tenant.key };
    const mark = session.sessionId;
    // Auto-reply: the rule answers the contact.
    expectOk(await request("PATCH", `/api/sessions/${mark}/settings`, { baseUrl: base, as, json: { config: { autoReplyEnabled: true } } }), "auto-reply on");
    expectOk(
      await request("POST", "/api/autoreplies", {
        baseUrl: base,
        as,
        json: { sessionId: mark, keyword: "ping", matchType: "exact", response: `pong ${mark}`, cooldownSeconds: 0 },
      }),
      "rule",
    );
    await contactSends(base, tenant, mark, "ping");
    // Scheduled: a few seconds ahead.
    const sendAt = new Date(Date.now() + 3000).toISOString();
    expectOk(
      await request("POST", "/api/scheduler", { baseUrl: base, as, json: { sessionId: mark, jid: ALICE, content: `scheduled ${mark}`, sendAt } }),
      "schedule",
    );
    // A campaign to two new contacts.
    const contacts = await createContacts(base, tenant, 2, "71");
    const campaign = expectOk(
      await request("POST", "/api/campaigns", {
        baseUrl: base,
        as,
        json: {
          name: "one-connection",
          sessionId: mark,
          message: { text: `campaign ${mark}` },
          recipients: contacts.map((c) => ({ number: c.phone, name: c.name })),
          start: true,
        },
      }),
      "campaign",
      201,
    ).body;
    await waitForCampaign(base, tenant, campaign.id, "completed", 90_000);
    await hooks!.waitFor(
      () => [`pong ${mark}`, `scheduled ${mark}`].every((t) => sentTexts().includes(t)) && sentTexts().filter((t) => t === `campaign ${mark}`).length === 2,
      "the auto-reply, the scheduled message and both campaign messages sent",
      60_000,
    );
  });
});
