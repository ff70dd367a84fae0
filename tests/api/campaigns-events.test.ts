// Issue 13, at a webhook receiver: each recipient's send emits the usual message events carrying
// the campaign id (message.sent, and message.update for SENT, DELIVERED and READ), while a send
// outside a campaign carries none; and a campaign reaches `failed` — when its session is logged
// out (the rest is skipped with the reason).
// Real Baileys against the emulated network; the statuses are what the API and the webhook show.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request, uniqueName } from "../support/api-client";
import { ALICE, type Tenant, pairedSession, receivedBy, registerTenant, send, startSandboxGateway } from "../support/sandbox";
import { waitFor } from "../support/wait";
import { type Received, type Receiver, startReceiver } from "../support/webhook-receiver";
import { campaignRecipients, createContacts, getCampaign, waitForCampaign } from "./campaigns-support";

let gateway: TestServer;
let base: string;
let tenant: Tenant;
let receiver: Receiver;

beforeAll(async () => {
  gateway = await startSandboxGateway();
  base = gateway.baseUrl;
  tenant = await registerTenant(base);
  receiver = await startReceiver();
}, 120_000);

afterAll(async () => {
  await receiver?.close();
  await gateway?.stop();
});

const api = (method: string, path: string, json?: unknown) =>
  request(method, path, { baseUrl: base, as: { apiKey: tenant.key }, ...(json === undefined ? {} : { json }) });

/** A webhook for one session's events, so each test reads only its own deliveries. */
async function hookFor(sessionId: string, events: string[]) {
  expectOk(await api("POST", "/api/webhooks", { name: uniqueName("hook"), url: receiver.url, secret: null, sessionId, events }), "webhook");
}

const ofSession = (sessionId: string) => (r: Received) => r.body.sessionId === sessionId;
/** Webhooks name message.update "message.status" (Ultimate WhatsApp Gateway's name). */
const isStatus = (r: Received) => r.body.event === "message.status" || r.body.event === "message.update";

describe("campaign message events", () => {
  it("every status of a recipient's send names the campaign at the webhook; a send outside a campaign names none", { timeout: 180_000 }, async () => {
    const session = await pairedSession(base, tenant);
    await hookFor(session.sessionId, ["message.sent", "message.update", "campaign.*"]);
    const contacts = await createContacts(base, tenant, 3, "61");
    const created = expectOk(
      await api("POST", "/api/campaigns", {
        name: "Events",
        sessionId: session.sessionId,
        message: { text: "Hello {{Name}}" },
        recipients: contacts.map((c) => ({ number: c.phone, name: c.name })),
        start: true,
      }),
      "create",
      201,
    ).body;
    await waitForCampaign(base, tenant, created.id, "completed", 90_000);
    const recipients = (await campaignRecipients(base, tenant, created.id, "?limit=10")).recipients as Array<{ messageId: string }>;
    const ids = recipients.map((r) => r.messageId);
    expect(ids).toHaveLength(3);

    // The emulated contacts acknowledge delivery and reading. A status only moves forward, so a
    // delivery receipt that comes with the read one moves nothing of its own: each recipient's
    // message has its READ from the receipts (and SENT from the send queue, DELIVERED when it came
    // apart), every one of them with the campaign's id.
    const mine = ofSession(session.sessionId);
    const got = await receiver
      .waitFor(
        (all) => ids.every((id) => all.some((r) => mine(r) && isStatus(r) && r.body.data.messageId === id && r.body.data.status === "READ")),
        "READ for every recipient",
        60_000,
      )
      .catch((error: Error) => {
        const seen = receiver.received.filter((r) => mine(r) && isStatus(r)).map((r) => [r.body.data.messageId, r.body.data.status, r.body.data.campaignId]);
        throw new Error(`${error.message.slice(0, 200)}; ids ${JSON.stringify(ids)}; statuses ${JSON.stringify(seen)}`);
      });
    const statuses = got.filter((r) => mine(r) && isStatus(r) && ids.includes(r.body.data.messageId));
    expect(statuses.length).toBeGreaterThanOrEqual(3);
    for (const r of statuses) expect(r.body.data.campaignId, JSON.stringify(r.body.data)).toBe(created.id);
    // Our own send as WhatsApp echoes it back (message.sent) names the campaign too.
    const sent = await receiver.waitFor(
      (all) => ids.every((id) => all.some((r) => mine(r) && r.body.event === "message.sent" && r.body.data.messageId === id)),
      "message.sent for every recipient",
    );
    for (const r of sent.filter((r) => mine(r) && r.body.event === "message.sent" && ids.includes(r.body.data.messageId)))
      expect(r.body.data.campaignId).toBe(created.id);
    // The campaign's own events came through the same webhook.
    expect(got.filter(mine).map((r) => r.body.event)).toEqual(expect.arrayContaining(["campaign.started", "campaign.completed"]));

    // A send outside any campaign: the same events, without a campaign id.
    const plain = expectOk(await send(base, tenant, { sessionId: session.sessionId, jid: ALICE, message: { text: "not a campaign" } }), "plain send").body;
    const plainEvents = await receiver.waitFor(
      (all) => all.some((r) => mine(r) && isStatus(r) && r.body.data.messageId === plain.messageId && r.body.data.status === "READ"),
      "READ for the plain send",
    );
    const ofPlain = plainEvents.filter((r) => mine(r) && r.body.data.messageId === plain.messageId);
    expect(ofPlain.map((r) => r.body.data.status ?? r.body.event)).toContain("READ");
    for (const r of ofPlain) expect(r.body.data).not.toHaveProperty("campaignId");
  });
});

describe("campaign status failed", () => {
  it("a campaign whose session is logged out mid-way is failed, the rest skipped with the reason", { timeout: 180_000 }, async () => {
    const session = await pairedSession(base, tenant);
    await hookFor(session.sessionId, ["campaign.completed"]);
    const contacts = await createContacts(base, tenant, 4, "62");
    const created = expectOk(
      await api("POST", "/api/campaigns", {
        name: "Logged out",
        sessionId: session.sessionId,
        message: { text: "Hi {{Name}}" },
        recipients: contacts.map((c) => ({ number: c.phone, name: c.name })),
        // A long gap: the logout comes between the first recipient and the second.
        settings: { delayMs: 60_000 },
        start: true,
      }),
      "create",
      201,
    ).body;
    await waitFor("the first recipient's message", async () => (await receivedBy(base, tenant, contacts[0].phone, session.sessionId)).length === 1, 60_000);
    // WhatsApp unlinks the device (the emulated phone's logout).
    expectOk(await api("POST", `/api/sandbox/sessions/${session.sessionId}/fault`, { kind: "logout" }), "logout fault");

    const failed = await waitForCampaign(base, tenant, created.id, "failed", 60_000);
    expect(failed.statusReason).toBe("session logged out");
    expect(failed.statistics).toMatchObject({ total: 4, sent: 1, skipped: 3, pending: 0 });
    const skipped = (await campaignRecipients(base, tenant, created.id, "?status=skipped&limit=10")).recipients as Array<{ reason: string }>;
    expect(skipped.map((r) => r.reason)).toEqual(["session logged out", "session logged out", "session logged out"]);
    for (const c of contacts.slice(1)) expect(await receivedBy(base, tenant, c.phone, session.sessionId)).toEqual([]);
    const hooked = await receiver.waitFor(
      (all) => all.some((r) => ofSession(session.sessionId)(r) && r.body.event === "campaign.completed"),
      "campaign.completed",
    );
    const completed = hooked.find((r) => ofSession(session.sessionId)(r) && r.body.event === "campaign.completed")!;
    expect(completed.body.data).toMatchObject({ campaignId: created.id, status: "failed", reason: "session logged out" });
    // It stays failed: nothing is sent, and it is not taken up again.
    expect((await getCampaign(base, tenant, created.id)).status).toBe("failed");
  });
});
