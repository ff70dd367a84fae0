// Issue 13: bulk sending through one sandbox gateway (real Baileys against the emulated network):
// a 50-recipient templated campaign, pause and resume, numbers not on WhatsApp, STOP opt-outs,
// receipts, recipient lists with CSV, the three doors (broadcast, Chatery bulk jobs, the Campaign
// API), and who may see what.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { samplePng } from "../fixtures/media-samples";
import { expectOk, request, uniqueName } from "../support/api-client";
import { pairedSession, receivedBy, registerTenant, staffOn, startSandboxGateway, type Tenant, waitForSessionStatus } from "../support/sandbox";
import { waitFor } from "../support/wait";
import { type Contact, campaignRecipients, createContacts, getCampaign, waitForCampaign } from "./campaigns-support";

let gateway: TestServer;
let base: string;
let owner: Tenant;
let other: Tenant;
let main: { id: string; sessionId: string; phone: string };
let contacts: Contact[];
let imageServer: http.Server;
let imageUrl: string;

const api = (method: string, path: string, tenant: Tenant, json?: unknown) =>
  request(method, path, { baseUrl: base, as: { apiKey: tenant.key }, ...(json !== undefined ? { json } : {}) });
const NOT_ON_WHATSAPP = "15559990001";

beforeAll(async () => {
  // Sends whose session is away fail after 3 s (instead of 5 minutes): the retry test needs failures.
  gateway = await startSandboxGateway({ SEND_WAIT_FOR_CONNECTION_MS: "3000" });
  base = gateway.baseUrl;
  [owner, other] = await Promise.all([registerTenant(base), registerTenant(base)]);
  main = await pairedSession(base, owner);
  contacts = await createContacts(base, owner, 50, "31");
  const png = await samplePng();
  imageServer = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "image/png" }).end(png));
  await new Promise<void>((resolve) => imageServer.listen(0, "127.0.0.1", resolve));
  imageUrl = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}/promo.png`;
}, 240_000);

afterAll(async () => {
  imageServer?.close();
  await gateway?.stop();
});

/** What one contact received from the owner's session whose text contains `marker`. */
async function inboxWith(contact: string, marker: string) {
  return (await receivedBy(base, owner, contact, main.sessionId)).filter((m) => (m.text ?? m.message?.imageMessage?.caption ?? "").includes(marker));
}

describe("a campaign", () => {
  it("reaches 50 emulated contacts with each one's fields, skips what cannot be sent, and counts receipts", { timeout: 240_000 }, async () => {
    const marker = uniqueName("m");
    const recipients = [
      ...contacts.map((c) => ({ number: `+${c.phone}`, name: c.name, companyName: c.company })),
      { number: contacts[0].phone, name: "Duplicate" },
      { number: "not-a-number", name: "Nobody" },
      { number: NOT_ON_WHATSAPP, name: "Ghost", companyName: "Nowhere" },
      { number: "15550100002", companyName: "No name here" },
    ];
    const created = expectOk(
      await api("POST", "/api/campaigns", owner, {
        name: "Fifty",
        sessionId: main.sessionId,
        message: { text: `Hi {{Name}} from {{Company}} ${marker}` },
        recipients,
        start: true,
      }),
      "create",
      201,
    ).body;
    expect(created.status).toBe("running");
    expect(created.report).toMatchObject({ accepted: 51, duplicates: 1, missingFields: 1 });
    expect(created.report.invalid).toEqual([{ origin: "recipients.51", phone: "not-a-number", error: expect.any(String) }]);

    const done = await waitForCampaign(base, owner, created.id, "completed", 180_000);
    expect(done.statistics).toMatchObject({ total: 53, sent: 50, failed: 0, skipped: 3, pending: 0, progress: 100 });
    for (const c of contacts) {
      const got = await inboxWith(c.phone, marker);
      expect(
        got.map((m) => m.text),
        c.phone,
      ).toEqual([`Hi ${c.name} from ${c.company} ${marker}`]);
    }
    const skipped = await campaignRecipients(base, owner, created.id, "?status=skipped");
    expect(Object.fromEntries(skipped.recipients.map((r: { phone: string; reason: string }) => [r.phone, r.reason]))).toEqual({
      "not-a-number": expect.stringContaining("invalid number"),
      [NOT_ON_WHATSAPP]: "not on WhatsApp",
      "15550100002": "missing field: Name",
    });
    // The emulated contacts acknowledge delivery and reading: the campaign's counts follow.
    const stats = await waitFor("delivered and read receipts", async () => {
      const s = expectOk(await api("GET", `/api/campaigns/${created.id}/stats`, owner), "stats").body;
      return s.statistics.read === 50 && s.statistics.delivered === 50 && s;
    });
    expect(stats.statistics).toMatchObject({ deliveryRate: 100, readRate: 100 });
    expect(stats.series.at(-1)).toMatchObject({ sent: 50, delivered: 50, read: 50 });
    // "Person 42" is a unique name among Person 0–49.
    const search = await campaignRecipients(base, owner, created.id, `?search=${encodeURIComponent(contacts[42].name)}`);
    expect(search.recipients.map((r: { number: string }) => r.number)).toEqual([contacts[42].phone]);
    const read = await campaignRecipients(base, owner, created.id, "?status=read&limit=10&page=2");
    expect(read).toMatchObject({ total: 50, page: 2 });
    expect(read.recipients).toHaveLength(10);
    expect(read.recipients[0].messageId).toMatch(/^[0-9A-F]+$/);
  });

  it("pauses within one message and resumes without duplicates", { timeout: 180_000 }, async () => {
    const marker = uniqueName("p");
    const group = contacts.slice(0, 8);
    const created = expectOk(
      await api("POST", "/api/campaigns", owner, {
        name: "Paced",
        sessionId: main.sessionId,
        message: { text: `Paused? ${marker} {{Name}}` },
        recipients: group.map((c) => ({ number: c.phone, name: c.name })),
        settings: { delayMs: 1200 },
        start: true,
      }),
      "create",
      201,
    ).body;
    const arrivedCount = async () => (await Promise.all(group.map((c) => inboxWith(c.phone, marker)))).flat().length;
    await waitFor("two recipients", async () => (await arrivedCount()) >= 2, 60_000);
    const paused = expectOk(await api("POST", `/api/campaigns/${created.id}/pause`, owner), "pause").body;
    expect(paused.status).toBe("paused");
    const atPause = paused.statistics.sent;
    // While paused: at most the one send already in the worker's hands goes out, however long we wait.
    await new Promise((r) => setTimeout(r, 4000));
    const whilePaused = await arrivedCount();
    expect(whilePaused).toBeLessThanOrEqual(atPause + 1);
    expect(whilePaused).toBeLessThan(group.length);
    expect((await getCampaign(base, owner, created.id)).statistics.queued).toBe(0);
    // Pausing twice is fine; resuming continues from where it stopped.
    expectOk(await api("POST", `/api/campaigns/${created.id}/pause`, owner), "pause again");
    expectOk(await api("POST", `/api/campaigns/${created.id}/resume`, owner), "resume");
    await waitForCampaign(base, owner, created.id, "completed");
    for (const c of group) expect((await inboxWith(c.phone, marker)).length, c.phone).toBe(1);
    expect((await api("POST", `/api/campaigns/${created.id}/resume`, owner)).status).toBe(409);
  });

  it("a send that fails is reported with its reason, retried by maxRetries, and sent again by retry-failed, once", { timeout: 240_000 }, async () => {
    const other = await pairedSession(base, owner);
    const [first, second, third, fourth] = await createContacts(base, owner, 4, "51");
    const marker = uniqueName("r");
    const created = expectOk(
      await api("POST", "/api/campaigns", owner, {
        name: "Retry",
        sessionId: other.sessionId,
        message: { text: `Retry ${marker}` },
        recipients: [first.phone, second.phone],
        settings: { delayMs: 5000 },
        start: true,
      }),
      "create",
      201,
    ).body;
    const fromOther = async (phone: string) => (await receivedBy(base, owner, phone, other.sessionId)).filter((m) => m.text?.includes(marker));
    await waitFor("the first recipient", async () => (await fromOther(first.phone)).length === 1, 60_000);
    // Another client takes the number: the session is disconnected and the second send, waiting
    // for it, fails after SEND_WAIT_FOR_CONNECTION_MS.
    expectOk(await api("POST", `/api/sandbox/sessions/${other.sessionId}/fault`, owner, { kind: "conflict" }), "conflict");
    await waitForSessionStatus(base, owner, other.sessionId, "DISCONNECTED");
    const done = await waitForCampaign(base, owner, created.id, "completed", 60_000);
    expect(done.statistics).toMatchObject({ sent: 1, failed: 1 });
    expect((await campaignRecipients(base, owner, created.id, "?status=failed")).recipients).toEqual([
      expect.objectContaining({ number: second.phone, reason: "session not connected" }),
    ]);

    expectOk(await api("POST", `/api/sessions/${other.sessionId}/connect`, owner), "reconnect");
    await waitForSessionStatus(base, owner, other.sessionId, "CONNECTED");
    const retried = expectOk(await api("POST", `/api/campaigns/${created.id}/retry-failed`, owner), "retry").body;
    expect(retried.retried).toBe(1);
    expect(retried.campaign.status).toBe("running");
    const again = await waitForCampaign(base, owner, created.id, "completed", 60_000);
    expect(again.statistics).toMatchObject({ sent: 2, failed: 0 });
    expect(await fromOther(first.phone)).toHaveLength(1);
    expect(await fromOther(second.phone)).toHaveLength(1);

    // With maxRetries the runner tries a failed send again by itself (a new send); when that fails
    // too, the recipient stays failed.
    const auto = expectOk(
      await api("POST", "/api/campaigns", owner, {
        name: "Auto retry",
        sessionId: other.sessionId,
        message: { text: `Auto ${marker}` },
        recipients: [third.phone, fourth.phone],
        settings: { delayMs: 5000, maxRetries: 1 },
        start: true,
      }),
      "create",
      201,
    ).body;
    await waitFor(
      "the third recipient",
      async () => (await receivedBy(base, owner, third.phone, other.sessionId)).some((m) => m.text === `Auto ${marker}`),
      60_000,
    );
    expectOk(await api("POST", `/api/sandbox/sessions/${other.sessionId}/fault`, owner, { kind: "conflict" }), "conflict again");
    const autoDone = await waitForCampaign(base, owner, auto.id, "completed", 90_000);
    expect(autoDone.statistics).toMatchObject({ sent: 1, failed: 1 });
    expect((await campaignRecipients(base, owner, auto.id, "?status=failed")).recipients).toEqual([
      expect.objectContaining({ number: fourth.phone, attempt: 1, reason: "session not connected" }),
    ]);
  });

  it("a recipient who answers STOP is skipped by later campaigns, and the list can be edited", { timeout: 120_000 }, async () => {
    const [quitter, stayer] = contacts.slice(10, 12);
    expectOk(
      await request("POST", `/api/sandbox/contacts/${quitter.phone}/messages`, {
        baseUrl: base,
        as: { apiKey: owner.key },
        json: { to: main.sessionId, text: "stop" },
      }),
      "reply STOP",
      200,
    );
    const listed = await waitFor("the opt-out", async () => {
      const res = expectOk(await api("GET", "/api/opt-outs", owner), "opt-outs").body;
      return res.optOuts.find((o: { phone: string }) => o.phone === quitter.phone);
    });
    expect(listed).toMatchObject({ source: "stop-word", reason: 'replied "stop"' });
    // A contact that never got a campaign from this owner's… (another tenant) does not land on its list.
    expect(expectOk(await api("GET", "/api/opt-outs", other), "other's opt-outs").body.total).toBe(0);

    const marker = uniqueName("o");
    const created = expectOk(
      await api("POST", "/api/campaigns", owner, {
        name: "After STOP",
        sessionId: main.sessionId,
        message: { text: `Offer ${marker}` },
        recipients: [quitter.phone, stayer.phone],
        start: true,
      }),
      "create",
      201,
    ).body;
    expect(created.report.optedOut).toBe(1);
    await waitForCampaign(base, owner, created.id, "completed");
    expect(await inboxWith(quitter.phone, marker)).toHaveLength(0);
    expect(await inboxWith(stayer.phone, marker)).toHaveLength(1);
    expect((await campaignRecipients(base, owner, created.id, "?status=skipped")).recipients[0]).toMatchObject({ number: quitter.phone, reason: "opted out" });

    // Edited by hand: added, bad input named, removed by number.
    expectOk(await api("POST", "/api/opt-outs", owner, { phone: `+${stayer.phone}`, reason: "asked by phone" }), "add", 201);
    expect((await api("POST", "/api/opt-outs", owner, { phone: "12" })).body.error).toMatch(/^phone:/);
    expect((await api("POST", "/api/opt-outs", owner, {})).status).toBe(400);
    expectOk(await api("DELETE", `/api/opt-outs/${quitter.phone}`, owner), "remove");
    expect((await api("DELETE", `/api/opt-outs/${quitter.phone}`, owner)).status).toBe(404);
    const phones = expectOk(await api("GET", "/api/opt-outs", owner), "list").body.optOuts.map((o: { phone: string }) => o.phone);
    expect(phones).toEqual([stayer.phone]);
  });

  it("is a draft until started, can be scheduled, cancelled and deleted, and rejects bad input with the field", { timeout: 120_000 }, async () => {
    const [a, b] = contacts.slice(12, 14);
    const draft = expectOk(
      await api("POST", "/api/campaigns", owner, {
        name: "Draft",
        sessionId: main.sessionId,
        message: { text: "Later {{Name|friend}}" },
        recipients: [a.phone],
      }),
      "draft",
      201,
    ).body;
    expect(draft.status).toBe("draft");
    const soon = new Date(Date.now() + 1500).toISOString();
    const scheduled = expectOk(
      await api("POST", "/api/campaigns", owner, {
        name: "Scheduled",
        sessionId: main.sessionId,
        message: { text: "Scheduled {{Name|friend}}" },
        recipients: [b.phone],
        scheduledAt: soon,
      }),
      "scheduled",
      201,
    ).body;
    expect(scheduled.status).toBe("scheduled");
    await waitForCampaign(base, owner, scheduled.id, "completed");
    expect((await inboxWith(b.phone, "Scheduled friend")).length).toBe(1);
    // Its events: started, progress (throttled), completed. (The send worker's SENT message.update
    // carries the campaign id too, but a receipt that is faster than the worker's SENT write makes
    // the store announce DELIVERED instead, without it: not asserted.)
    const events = expectOk(await api("GET", `/api/sessions/${main.sessionId}/events`, owner), "events").body as Array<{
      event: string;
      data: Record<string, any>;
    }>;
    const mine = events.filter((e) => e.data.campaignId === scheduled.id);
    const names = new Set(mine.map((e) => e.event));
    for (const name of ["campaign.started", "campaign.progress", "campaign.completed"]) expect(names, name).toContain(name);
    expect(mine.find((e) => e.event === "campaign.completed")!.data.statistics).toMatchObject({ sent: 1, total: 1 });

    const cancelled = expectOk(await api("POST", `/api/campaigns/${draft.id}/cancel`, owner), "cancel").body;
    expect(cancelled.statistics).toMatchObject({ skipped: 1, pending: 0 });
    expect((await api("POST", `/api/campaigns/${draft.id}/start`, owner)).status).toBe(409);
    const listed = expectOk(await api("GET", "/api/campaigns?status=cancelled", owner), "list").body;
    expect(listed.campaigns.map((c: { id: string }) => c.id)).toContain(draft.id);
    expectOk(await api("DELETE", `/api/campaigns/${draft.id}`, owner), "delete");
    expect((await api("GET", `/api/campaigns/${draft.id}`, owner)).status).toBe(404);

    for (const [body, field] of [
      [{ sessionId: main.sessionId, message: { text: "x" }, recipients: [a.phone] }, "name"],
      [{ name: "x", sessionId: main.sessionId, message: { text: "x" } }, "recipients"],
      [{ name: "x", sessionId: main.sessionId, message: { poll: { name: "q", values: ["a", "b"] } }, recipients: [a.phone] }, "message"],
      [{ name: "x", sessionId: main.sessionId, message: { text: "x" }, recipients: [a.phone], settings: { delayMs: -1 } }, "settings.delayMs"],
      [{ name: "x", sessionId: main.sessionId, message: { text: "x" }, recipients: [a.phone], scheduledAt: "tomorrow-ish" }, "scheduledAt"],
    ] as const) {
      const res = await api("POST", "/api/campaigns", owner, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatch(new RegExp(`^${field.replace(".", "\\.")}`));
    }
    expect((await api("GET", "/api/campaigns?status=sleeping", owner)).status).toBe(400);
    expect((await api("GET", `/api/campaigns/${scheduled.id}/recipients?limit=0`, owner)).status).toBe(400);
    const preview = expectOk(
      await api("POST", "/api/campaigns/preview", owner, {
        message: { text: "Hi {{Name}}" },
        recipients: [{ number: a.phone, name: "Ann" }, { number: b.phone }],
      }),
      "preview",
    ).body;
    expect(preview.previews).toEqual([
      { number: a.phone, ok: true, text: "Hi Ann" },
      { number: b.phone, ok: false, reason: "missing field: Name" },
    ]);
  });
});

describe("recipient lists", () => {
  it("are created, searched by name and tag, cloned, imported and exported as CSV, and feed campaigns", { timeout: 120_000 }, async () => {
    const [a, b, c] = contacts.slice(20, 23);
    const name = uniqueName("VIP");
    const list = expectOk(
      await api("POST", "/api/recipient-lists", owner, {
        name,
        description: "High-value customers",
        tags: ["VIP", "Premium"],
        recipients: [{ number: a.phone, name: a.name, companyName: a.company }, { number: "bogus" }],
      }),
      "create",
      201,
    ).body;
    expect(list).toMatchObject({ name, recipientCount: 1, usageCount: 0, lastUsed: null, tags: ["VIP", "Premium"] });
    expect(list.report.invalid).toHaveLength(1);
    expect((await api("POST", "/api/recipient-lists", owner, { name })).status).toBe(409);

    const csv = `phone;name;companyName\n${b.phone};"${b.name}";${b.company}\n;No number;x\n${a.phone};dup;dup\nnope;Bad;x\n${c.phone};${c.name};"${c.company}"\n`;
    const importUrl = `/api/recipient-lists/${list.id}/import`;
    const preview = expectOk(
      await request("POST", `${importUrl}?dryRun=true`, { baseUrl: base, as: { apiKey: owner.key }, rawBody: csv, headers: { "Content-Type": "text/csv" } }),
      "preview",
    ).body;
    expect(preview).toMatchObject({ dryRun: true, report: { added: 2, duplicates: 1, rows: 5 }, columns: ["name", "companyName"] });
    expect(preview.report.invalid.map((i: { origin: string }) => i.origin)).toEqual(["line 3", "line 5"]);
    expect(preview.preview[0]).toEqual({ number: b.phone, name: b.name, companyName: b.company });
    expect(expectOk(await api("GET", `/api/recipient-lists/${list.id}`, owner), "unchanged").body.recipientCount).toBe(1);
    const imported = expectOk(
      await request("POST", importUrl, { baseUrl: base, as: { apiKey: owner.key }, rawBody: csv, headers: { "Content-Type": "text/csv" } }),
      "import",
    ).body;
    expect(imported.list.recipientCount).toBe(3);
    expect(
      (await request("POST", importUrl, { baseUrl: base, as: { apiKey: owner.key }, rawBody: "name\nx\n", headers: { "Content-Type": "text/csv" } })).body
        .error,
    ).toMatch(/^header:/);

    const exported = await request("GET", `/api/recipient-lists/${list.id}/export`, { baseUrl: base, as: { apiKey: owner.key } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toContain("text/csv");
    expect(exported.text.split("\r\n").filter(Boolean)).toEqual([
      "number,name,companyName",
      `${a.phone},${a.name},${a.company}`,
      `${b.phone},${b.name},${b.company}`,
      `${c.phone},${c.name},${c.company}`,
    ]);

    const found = async (query: string) => expectOk(await api("GET", `/api/recipient-lists${query}`, owner), query).body.map((l: { id: string }) => l.id);
    expect(await found(`?search=${encodeURIComponent("high-VALUE")}`)).toContain(list.id);
    expect(await found("?tag=vip")).toContain(list.id);
    expect(await found("?tag=none")).not.toContain(list.id);
    const clone = expectOk(await api("POST", `/api/recipient-lists/${list.id}/clone`, owner, { newName: `${name} copy` }), "clone", 201).body;
    expect(clone).toMatchObject({ name: `${name} copy`, recipientCount: 3, usageCount: 0, tags: ["VIP", "Premium"] });
    expect((await api("POST", `/api/recipient-lists/${list.id}/clone`, owner, {})).body.error).toMatch(/^newName/);
    const updated = expectOk(
      await api("PUT", `/api/recipient-lists/${clone.id}`, owner, { tags: ["Copy"], recipients: [{ number: c.phone, name: "Only C" }] }),
      "update",
    ).body;
    expect(updated).toMatchObject({ tags: ["Copy"], recipientCount: 1 });

    // Recipients from a list and inline, de-duplicated; the list records its use.
    const marker = uniqueName("l");
    const campaign = expectOk(
      await api("POST", "/api/campaigns", owner, {
        name: "From list",
        sessionId: main.sessionId,
        message: { text: `{{Name}} at {{Company|your company}} ${marker}` },
        listIds: [list.id],
        recipients: [{ number: a.phone, name: "Inline A" }],
        start: true,
      }),
      "campaign",
      201,
    ).body;
    expect(campaign.report).toMatchObject({ accepted: 3, duplicates: 1 });
    await waitForCampaign(base, owner, campaign.id, "completed");
    expect((await inboxWith(a.phone, marker)).map((m) => m.text)).toEqual([`Inline A at your company ${marker}`]);
    expect((await inboxWith(c.phone, marker)).map((m) => m.text)).toEqual([`${c.name} at ${c.company} ${marker}`]);
    const used = expectOk(await api("GET", `/api/recipient-lists/${list.id}`, owner), "used").body;
    expect(used.usageCount).toBe(1);
    expect(used.lastUsed).not.toBeNull();
    expect(used.recipients[0]).toEqual({ number: a.phone, name: a.name, companyName: a.company });

    expectOk(await api("DELETE", `/api/recipient-lists/${clone.id}`, owner), "delete");
    expect((await api("GET", `/api/recipient-lists/${clone.id}`, owner)).status).toBe(404);
    expect((await api("POST", "/api/campaigns", owner, { name: "x", sessionId: main.sessionId, message: { text: "x" }, listIds: [clone.id] })).status).toBe(
      404,
    );
  });

  it("take 10,000 recipients in one request", { timeout: 120_000 }, async () => {
    const recipients = Array.from({ length: 10_000 }, (_, i) => ({ number: `1666${String(i).padStart(7, "0")}`, name: `N${i}` }));
    const created = expectOk(
      await api("POST", "/api/campaigns", owner, { name: "Big", sessionId: main.sessionId, message: { text: "Hi {{Name}}" }, recipients }),
      "create",
      201,
    ).body;
    expect(created.statistics).toMatchObject({ total: 10_000, pending: 10_000 });
    const page = await campaignRecipients(base, owner, created.id, "?page=200&limit=50");
    expect(page.recipients.at(-1)).toMatchObject({ number: "16660009999", fields: { name: "N9999" }, status: "pending" });
    expectOk(await api("DELETE", `/api/campaigns/${created.id}`, owner), "delete");
  });
});

describe("the doors", () => {
  it(
    "POST /api/messages/broadcast starts a campaign (Ultimate WhatsApp Gateway's answer), with 10–20 s gaps unless a delay is given",
    { timeout: 120_000 },
    async () => {
      const group = contacts.slice(30, 33);
      const marker = uniqueName("b");
      const res = expectOk(
        await api("POST", "/api/messages/broadcast", owner, {
          sessionId: main.sessionId,
          recipients: group.map((c) => `${c.phone}@s.whatsapp.net`),
          message: `Broadcast ${marker}`,
          delay: 0,
        }),
        "broadcast",
      ).body;
      expect(res).toMatchObject({ success: true, message: "Broadcast started in background", campaignId: expect.any(String), total: 3 });
      await waitForCampaign(base, owner, res.campaignId, "completed");
      for (const c of group) expect((await inboxWith(c.phone, marker)).length).toBe(1);
      expect((await getCampaign(base, owner, res.campaignId)).origin).toBe("broadcast");

      const slow = expectOk(
        await api("POST", "/api/messages/broadcast", owner, { sessionId: main.sessionId, recipients: group.map((c) => c.phone), message: `Slow ${marker}` }),
        "default gap",
      ).body;
      expect((await getCampaign(base, owner, slow.campaignId)).settings).toEqual({ minDelayMs: 10_000, maxDelayMs: 20_000 });
      expectOk(await api("POST", `/api/campaigns/${slow.campaignId}/cancel`, owner), "cancel");
      expect((await api("POST", "/api/messages/broadcast", owner, { sessionId: main.sessionId, recipients: [], message: "x" })).body.error).toMatch(
        /^recipients/,
      );
      expect((await api("POST", "/api/messages/broadcast", owner, { sessionId: "nope", recipients: ["15550100002"], message: "x" })).status).toBe(404);
    },
  );

  it("Chatery's bulk jobs: send-bulk, send-bulk-image, send-bulk-document, bulk-status and bulk-jobs", { timeout: 180_000 }, async () => {
    const group = contacts.slice(33, 36);
    const marker = uniqueName("c");
    const started = expectOk(
      await api("POST", "/api/whatsapp/chats/send-bulk", owner, {
        sessionId: main.sessionId,
        recipients: group.map((c) => c.phone),
        message: `Bulk ${marker}`,
        delayBetweenMessages: 0,
      }),
      "send-bulk",
    ).body;
    expect(started).toEqual({
      success: true,
      message: "Bulk message job started. Check status with jobId.",
      data: { jobId: expect.any(String), total: 3, statusUrl: `/api/whatsapp/chats/bulk-status/${started.data.jobId}` },
    });
    const status = await waitFor(
      "bulk job completed",
      async () => {
        const s = expectOk(await api("GET", started.data.statusUrl, owner), "status").body.data;
        return s.status === "completed" && s;
      },
      90_000,
    );
    expect(status).toMatchObject({ sessionId: main.sessionId, type: "text", total: 3, sent: 3, failed: 0, progress: 100 });
    expect(status.details.map((d: { recipient: string; status: string }) => [d.recipient, d.status])).toEqual(group.map((c) => [c.phone, "sent"]));
    expect(status.details[0].messageId).toEqual(expect.any(String));
    for (const c of group) expect((await inboxWith(c.phone, marker)).length).toBe(1);

    const image = expectOk(
      await api("POST", "/api/whatsapp/chats/send-bulk-image", owner, {
        sessionId: main.sessionId,
        recipients: [group[0].phone],
        imageUrl,
        caption: `Pic ${marker}`,
        delayBetweenMessages: 0,
      }),
      "send-bulk-image",
    ).body.data;
    const doc = expectOk(
      await api("POST", "/api/whatsapp/chats/send-bulk-document", owner, {
        sessionId: main.sessionId,
        recipients: [group[1].phone],
        documentUrl: imageUrl,
        filename: "promo.png",
        mimetype: "image/png",
        delayBetweenMessages: 0,
      }),
      "send-bulk-document",
    ).body.data;
    for (const job of [image, doc]) {
      await waitFor(`job ${job.jobId}`, async () => expectOk(await api("GET", job.statusUrl, owner), "status").body.data.status === "completed", 90_000);
    }
    const pic = await waitFor("the image", async () =>
      (await receivedBy(base, owner, group[0].phone, main.sessionId)).find((m) => m.message?.imageMessage?.caption === `Pic ${marker}`),
    );
    expect(pic.kinds).toContain("imageMessage");
    const jobs = expectOk(await api("POST", "/api/whatsapp/chats/bulk-jobs", owner, { sessionId: main.sessionId }), "bulk-jobs").body;
    expect(jobs.success).toBe(true);
    expect(jobs.data.map((j: { jobId: string }) => j.jobId)).toEqual(expect.arrayContaining([started.data.jobId, image.jobId, doc.jobId]));
    expect(jobs.data.find((j: { jobId: string }) => j.jobId === image.jobId)).toMatchObject({ type: "image", status: "completed", total: 1, progress: 100 });

    const tooMany = await api("POST", "/api/whatsapp/chats/send-bulk", owner, {
      sessionId: main.sessionId,
      recipients: Array.from({ length: 101 }, (_, i) => `1555000${i}`),
      message: "x",
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ success: false, message: expect.stringMatching(/^recipients/) });
    expect(
      (await api("POST", "/api/whatsapp/chats/send-bulk-document", owner, { sessionId: main.sessionId, recipients: ["15550100002"], documentUrl: imageUrl }))
        .body.message,
    ).toMatch(/^filename/);
    expect((await api("GET", "/api/whatsapp/chats/bulk-status/nope", owner)).body).toMatchObject({ success: false });
  });

  it("the Campaign API's /api/v1 campaigns and recipient lists, with its shapes", { timeout: 180_000 }, async () => {
    const [a, b] = contacts.slice(40, 42);
    const listName = uniqueName("v1");
    const list = expectOk(
      await api("POST", "/api/v1/recipient-lists", owner, {
        name: listName,
        description: "v1 list",
        tags: ["Promo"],
        recipients: [{ number: a.phone, name: a.name, jobTitle: "CEO", companyName: a.company }],
      }),
      "v1 list",
      201,
    ).body;
    expect(list).toMatchObject({ id: expect.any(String), name: listName, recipientCount: 1, usageCount: 0 });
    expect(expectOk(await api("GET", "/api/v1/recipient-lists?tag=promo", owner), "v1 lists").body.map((l: { id: string }) => l.id)).toContain(list.id);
    const clone = expectOk(await api("POST", `/api/v1/recipient-lists/${list.id}/clone`, owner, { newName: `${listName} copy` }), "v1 clone", 201).body;
    expect(expectOk(await api("PUT", `/api/v1/recipient-lists/${clone.id}`, owner, { name: `${listName} renamed` }), "v1 put").body.name).toBe(
      `${listName} renamed`,
    );
    expect(expectOk(await api("GET", `/api/v1/recipient-lists/${clone.id}`, owner), "v1 get").body.recipients).toEqual([
      { number: a.phone, name: a.name, jobTitle: "CEO", companyName: a.company },
    ]);
    expect(expectOk(await api("DELETE", `/api/v1/recipient-lists/${clone.id}`, owner), "v1 delete").body).toEqual({
      status: "success",
      message: "Recipient list deleted",
    });

    const marker = uniqueName("v");
    const created = expectOk(
      await api("POST", "/api/v1/campaigns", owner, {
        name: "Product Launch Campaign",
        sessionId: main.sessionId,
        message: { type: "text", content: `Hello {{Name}}, news from {{Company}}! ${marker}` },
        recipients: [{ number: b.phone, name: b.name, companyName: b.company }],
        recipientListIds: [list.id],
        settings: { delayBetweenMessages: 0, maxRetries: 2 },
      }),
      "v1 create",
      201,
    ).body;
    expect(created).toMatchObject({
      name: "Product Launch Campaign",
      status: "draft",
      recipientCount: 2,
      statistics: { total: 2, sent: 0, failed: 0, pending: 2 },
    });
    const startedRes = expectOk(await api("POST", `/api/v1/campaigns/${created.id}/start`, owner), "v1 start").body;
    expect(startedRes).toMatchObject({ status: "success", message: "Campaign started", campaign: { id: created.id, status: "running" } });
    await waitForCampaign(base, owner, created.id, "completed");
    expect((await inboxWith(a.phone, marker)).map((m) => m.text)).toEqual([`Hello ${a.name}, news from ${a.company}! ${marker}`]);
    const detail = expectOk(await api("GET", `/api/v1/campaigns/${created.id}`, owner), "v1 detail").body;
    expect(detail.recipients.map((r: { number: string; status: string }) => r.number)).toEqual([b.phone, a.phone]);
    expect(["sent", "delivered", "read"]).toContain(detail.recipients[0].status);
    expect(expectOk(await api("GET", "/api/v1/campaigns", owner), "v1 list").body.map((c: { id: string }) => c.id)).toContain(created.id);
    expect((await api("POST", `/api/v1/campaigns/${created.id}/pause`, owner)).body).toMatchObject({
      status: "error",
      message: expect.stringContaining("completed"),
    });
    expect(expectOk(await api("GET", `/api/v1/recipient-lists/${list.id}`, owner), "v1 usage").body.usageCount).toBe(1);
    expect(expectOk(await api("DELETE", `/api/v1/campaigns/${created.id}`, owner), "v1 delete").body).toEqual({
      status: "success",
      message: "Campaign deleted",
    });
    const bad = await api("POST", "/api/v1/campaigns", owner, { name: "x", message: { type: "image" }, recipients: [a.phone] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ status: "error", message: expect.stringMatching(/^message\.link/) });
  });
});

describe("who may see what", () => {
  it("another tenant and unassigned staff get 404 on every campaign, list and opt-out endpoint", { timeout: 120_000 }, async () => {
    const [a] = contacts.slice(45, 46);
    const campaign = expectOk(
      await api("POST", "/api/campaigns", owner, { name: "Private", sessionId: main.sessionId, message: { text: "x" }, recipients: [a.phone] }),
      "campaign",
      201,
    ).body;
    const list = expectOk(await api("POST", "/api/recipient-lists", owner, { name: uniqueName("private"), recipients: [a.phone] }), "list", 201).body;
    const optOut = expectOk(await api("POST", "/api/opt-outs", owner, { phone: "15557770001" }), "opt-out", 201).body;

    // Staff assigned to another session of the owner: the campaign's session is not theirs.
    const second = expectOk(await api("POST", "/api/sessions", owner, { name: "Second" }), "second session").body;
    const staff = await staffOn(base, owner, [second.sessionId]);

    const campaignCalls: Array<[string, string, unknown?]> = [
      ["GET", `/api/campaigns/${campaign.id}`],
      ["DELETE", `/api/campaigns/${campaign.id}`],
      ["GET", `/api/campaigns/${campaign.id}/recipients`],
      ["GET", `/api/campaigns/${campaign.id}/stats`],
      ...["start", "pause", "resume", "cancel", "retry-failed"].map((a): [string, string] => ["POST", `/api/campaigns/${campaign.id}/${a}`]),
      ["GET", `/api/whatsapp/chats/bulk-status/${campaign.id}`],
      ["POST", "/api/whatsapp/chats/bulk-jobs", { sessionId: main.sessionId }],
      ["GET", `/api/v1/campaigns/${campaign.id}`],
      ["DELETE", `/api/v1/campaigns/${campaign.id}`],
      ...["start", "pause", "resume"].map((a): [string, string] => ["POST", `/api/v1/campaigns/${campaign.id}/${a}`]),
      ["POST", "/api/campaigns", { name: "x", sessionId: main.sessionId, message: { text: "x" }, recipients: [a.phone] }],
      ["POST", "/api/messages/broadcast", { sessionId: main.sessionId, recipients: [a.phone], message: "x" }],
      ["POST", "/api/whatsapp/chats/send-bulk", { sessionId: main.sessionId, recipients: [a.phone], message: "x" }],
    ];
    const listCalls: Array<[string, string, unknown?]> = [
      ["GET", `/api/recipient-lists/${list.id}`],
      ["PUT", `/api/recipient-lists/${list.id}`, { name: "stolen" }],
      ["DELETE", `/api/recipient-lists/${list.id}`],
      ["POST", `/api/recipient-lists/${list.id}/clone`, { newName: "stolen" }],
      ["GET", `/api/recipient-lists/${list.id}/export`],
      ["GET", `/api/v1/recipient-lists/${list.id}`],
      ["DELETE", `/api/v1/recipient-lists/${list.id}`],
      ["POST", `/api/v1/recipient-lists/${list.id}/clone`, { newName: "stolen" }],
      ["DELETE", `/api/opt-outs/${optOut.id}`],
      ["POST", "/api/campaigns", { name: "x", message: { text: "x" }, listIds: [list.id], recipients: ["15550100002"] }],
    ];
    for (const [method, path, json] of [...campaignCalls, ...listCalls]) {
      expect((await api(method, path, other, json)).status, `other tenant: ${method} ${path}`).toBe(404);
    }
    for (const [method, path, json] of campaignCalls) {
      expect((await api(method, path, staff, json)).status, `staff: ${method} ${path}`).toBe(404);
    }
    expect(expectOk(await api("GET", "/api/campaigns", other), "other's list").body.total).toBe(0);
    expect(expectOk(await api("GET", "/api/campaigns", staff), "staff's list").body.total).toBe(0);
    expect(expectOk(await api("GET", "/api/recipient-lists", other), "other's lists").body).toEqual([]);
    expect((await api("GET", "/api/opt-outs", other)).body.total).toBe(0);
    // Unchanged by all of that.
    expect((await getCampaign(base, owner, campaign.id)).status).toBe("draft");
    expect(expectOk(await api("GET", `/api/recipient-lists/${list.id}`, owner), "list intact").body.name).toBe(list.name);
    expect((await request("GET", "/api/campaigns", { baseUrl: base })).status).toBe(401);
  });
});
