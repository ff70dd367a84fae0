// Issue 12: scheduled and recurring messages, and the Automation API's send/schedule/queue, with
// real Baileys against the emulated network: what the contact's phone receives, and when.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request } from "../support/api-client";
import { samplePng } from "../fixtures/media-samples";
import { postForm } from "./automation-support";
import {
  ALICE,
  BOB,
  jidOf,
  pairedSession,
  receivedBy,
  registerTenant,
  send,
  staffOn,
  startSandboxGateway,
  storedMessage,
  type Tenant,
} from "../support/sandbox";
import { waitFor } from "../support/wait";

let gateway: TestServer;
let base: string;
let tenant: Tenant;
let session: Awaited<ReturnType<typeof pairedSession>>;

const api = (method: string, path: string, json?: unknown, who: Tenant = tenant) =>
  request(method, path, { baseUrl: base, as: { apiKey: who.key }, ...(json === undefined ? {} : { json }) });
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

beforeAll(async () => {
  gateway = await startSandboxGateway();
  base = gateway.baseUrl;
  tenant = await registerTenant(base);
  // The tenant's first (oldest) session: the Automation API's default session.
  session = await pairedSession(base, tenant);
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
});

describe("scheduled messages", () => {
  it("a message scheduled a few seconds ahead arrives at its time, not before, and is listed with its status", { timeout: 60_000 }, async () => {
    const sendAt = inSeconds(4);
    const created = expectOk(
      await api("POST", "/api/scheduler", { sessionId: session.sessionId, jid: ALICE, content: "see you {soon|later}", sendAt }),
      "schedule",
    ).body;
    expect(created).toMatchObject({ jid: jidOf(ALICE), sendAt, status: "PENDING", recurring: false });
    expect(created.messageId).toEqual(expect.any(String));
    expect(await receivedBy(base, tenant, ALICE, session.sessionId)).toEqual([]);

    const received = await waitFor(
      "the scheduled message",
      async () => (await receivedBy(base, tenant, ALICE, session.sessionId)).find((m) => m.id === created.messageId),
      30_000,
    );
    expect(received.text).toMatch(/^see you (soon|later)$/);
    const stored = await waitFor("sent", async () => {
      const m = await storedMessage(base, tenant, session.sessionId, jidOf(ALICE), created.messageId);
      return m && m.status !== "PENDING" && m;
    });
    expect(Date.parse(stored.sentAt ?? stored.timestamp)).toBeGreaterThanOrEqual(Date.parse(sendAt));
    const listed = expectOk(await api("GET", `/api/scheduler?sessionId=${session.sessionId}`), "list").body as Array<{ id: string; status: string }>;
    expect(["SENT", "DELIVERED", "READ"]).toContain(listed.find((s) => s.id === created.id)?.status);
  });

  it("reads a time without an offset in the user's time zone, and cancels a pending message", async () => {
    const created = expectOk(
      await api("POST", "/api/scheduler", {
        sessionId: session.sessionId,
        jid: BOB,
        content: "Project update",
        sendAt: "2036-01-15T09:00:00",
        timeZone: "Asia/Jakarta",
      }),
      "schedule",
    ).body;
    expect(created.sendAt).toBe("2036-01-15T02:00:00.000Z");
    expect(created.timeZone).toBe("Asia/Jakarta");
    expectOk(await api("DELETE", `/api/scheduler/${created.id}`), "cancel");
    const after = expectOk(await api("GET", `/api/scheduler/${created.id}`), "get").body;
    expect(after.status).toBe("CANCELLED");
    const stored = await storedMessage(base, tenant, session.sessionId, jidOf(BOB), created.messageId);
    expect(stored).toMatchObject({ status: "FAILED" });
    // Cancelling twice is fine; the message stays cancelled.
    expectOk(await api("DELETE", `/api/scheduler/${created.id}`), "cancel again");
  });

  it("POST /api/chat/send takes scheduledTime", { timeout: 60_000 }, async () => {
    const scheduledTime = inSeconds(3);
    const res = expectOk(
      await send(base, tenant, { sessionId: session.sessionId, jid: BOB, message: { text: "later via chat/send" }, scheduledTime }),
      "send",
    ).body;
    expect(res).toMatchObject({ status: "PENDING", scheduledFor: scheduledTime });
    const got = await waitFor("delivered", async () => (await receivedBy(base, tenant, BOB, session.sessionId)).find((m) => m.id === res.messageId), 30_000);
    expect(got.text).toBe("later via chat/send");
    const bad = await send(base, tenant, { sessionId: session.sessionId, jid: BOB, message: { text: "x" }, scheduledTime: "2001-01-01T00:00:00Z" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^scheduledTime: .*past/);
  });

  it("refuses bad input with a 400 naming the field", async () => {
    const good = { sessionId: session.sessionId, jid: ALICE, content: "x" };
    for (const [body, field] of [
      [{ ...good, sendAt: "2001-01-01T00:00:00Z" }, "sendAt"],
      [{ ...good, sendAt: "tomorrow" }, "sendAt"],
      [{ ...good, sendAt: "2036-02-30T09:00:00" }, "sendAt"],
      [{ ...good }, "sendAt"],
      [{ ...good, sendAt: inSeconds(60), cron: "* * * * *" }, "sendAt"],
      [{ ...good, jid: "not a number", sendAt: inSeconds(60) }, "jid"],
      [{ ...good, cron: "every day at nine" }, "cron"],
      [{ ...good, cron: "61 * * * *" }, "cron"],
      [{ ...good, cron: "* * * * *", endAt: "2001-01-01T00:00:00Z" }, "endAt"],
      [{ ...good, sendAt: inSeconds(60), timeZone: "Mars/Olympus" }, "timeZone"],
      [{ ...good, content: "", sendAt: inSeconds(60) }, "content"],
      [{ ...good, sendAt: inSeconds(60), aiModifications: { useSynonyms: "yes" } }, "aiModifications"],
    ] as const) {
      const res = await api("POST", "/api/scheduler", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error, JSON.stringify(body)).toContain(field);
    }
    expect((await api("POST", "/api/scheduler", { ...good, sessionId: "no-such-session", sendAt: inSeconds(60) })).status).toBe(404);
    const badQuery = await api("GET", "/api/scheduler?when=tomorrow");
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error).toContain("when");
    const once = expectOk(await api("POST", "/api/scheduler", { ...good, sendAt: "2036-01-01T00:00:00Z" }), "once").body;
    const badPatch = await api("PATCH", `/api/scheduler/${once.id}`, { status: "STOPPED" });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.error).toContain("status");
    expectOk(await api("DELETE", `/api/scheduler/${once.id}`), "cancel");
    expect((await api("GET", "/api/scheduler/no-such-id")).status).toBe(404);
  });
});

describe("recurring schedules", () => {
  it("fires every two seconds, each firing once, shows its next five firings, pauses, resumes and ends", { timeout: 120_000 }, async () => {
    const phone = "15550100088";
    expectOk(await api("POST", "/api/sandbox/contacts", { phone, name: "Cron Contact" }), "contact", 201);
    const created = expectOk(
      await api("POST", "/api/scheduler", {
        sessionId: session.sessionId,
        jid: phone,
        content: "tick {one|two|three}",
        cron: "*/2 * * * * *",
        timeZone: "UTC",
      }),
      "recurring",
    ).body;
    expect(created).toMatchObject({ recurring: true, status: "ACTIVE", cron: "*/2 * * * * *" });
    expect(created.nextFirings).toHaveLength(5);
    const gaps = created.nextFirings.slice(1).map((t: string, i: number) => Date.parse(t) - Date.parse(created.nextFirings[i]));
    expect(gaps).toEqual([2000, 2000, 2000, 2000]);

    const three = await waitFor(
      "three firings",
      async () => {
        const got = await receivedBy(base, tenant, phone, session.sessionId);
        return got.length >= 3 && got;
      },
      60_000,
    );
    for (const m of three) expect(m.text).toMatch(/^tick (one|two|three)$/);
    expect(new Set(three.map((m) => m.id)).size).toBe(three.length);

    const paused = expectOk(await api("PATCH", `/api/scheduler/${created.id}`, { status: "PAUSED" }), "pause").body;
    expect(paused).toMatchObject({ status: "PAUSED", nextFirings: [] });
    const firedAtPause = paused.firedCount;
    // Whatever was queued before the pause arrives; then nothing more, until it is resumed.
    await waitFor("queued firings delivered", async () => (await receivedBy(base, tenant, phone, session.sessionId)).length >= firedAtPause);
    const resumed = expectOk(await api("PATCH", `/api/scheduler/${created.id}`, { status: "ACTIVE" }), "resume").body;
    expect(resumed.status).toBe("ACTIVE");
    const more = await waitFor(
      "a firing after resuming",
      async () => {
        const s = expectOk(await api("GET", `/api/scheduler/${created.id}`), "get").body;
        return s.firedCount > firedAtPause && s;
      },
      30_000,
    );
    expect(more.firedCount).toBeGreaterThan(firedAtPause);
    expectOk(await api("DELETE", `/api/scheduler/${created.id}`), "cancel");
    const cancelled = expectOk(await api("GET", `/api/scheduler/${created.id}`), "get").body;
    expect(cancelled).toMatchObject({ status: "CANCELLED", nextFirings: [] });

    // One firing, one message: every message the contact got is a distinct firing of the schedule.
    const all = await receivedBy(base, tenant, phone, session.sessionId);
    expect(all.length).toBeLessThanOrEqual(cancelled.firedCount);
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length);

    // A one-time message cannot be paused.
    const once = expectOk(
      await api("POST", "/api/scheduler", { sessionId: session.sessionId, jid: phone, content: "once", sendAt: "2036-01-01T00:00:00Z" }),
      "once",
    ).body;
    const pause = await api("PATCH", `/api/scheduler/${once.id}`, { status: "PAUSED" });
    expect(pause.status).toBe(400);
    expect(pause.body.error).toMatch(/^status: /);
    expectOk(await api("DELETE", `/api/scheduler/${once.id}`), "cancel once");
  });

  it("a schedule with an end stops at it", { timeout: 60_000 }, async () => {
    const endAt = inSeconds(3);
    const created = expectOk(
      await api("POST", "/api/scheduler", { sessionId: session.sessionId, jid: ALICE, content: "until the end", cron: "* * * * * *", endAt }),
      "recurring",
    ).body;
    const done = await waitFor(
      "DONE",
      async () => {
        const s = expectOk(await api("GET", `/api/scheduler/${created.id}`), "get").body;
        return s.status === "DONE" && s;
      },
      30_000,
    );
    expect(done.firedCount).toBeGreaterThanOrEqual(1);
    expect(done.firedCount).toBeLessThanOrEqual(4);
    expect(done.nextFirings).toEqual([]);
  });
});

describe("recurring schedules and a session that cannot send", () => {
  it("a firing that finds the previous one still queued is skipped, so no backlog builds up", { timeout: 60_000 }, async () => {
    const offline = expectOk(await api("POST", "/api/sessions", { name: "never connected" }), "session").body;
    const created = expectOk(
      await api("POST", "/api/scheduler", { sessionId: offline.sessionId, jid: ALICE, content: "backlog?", cron: "* * * * * *" }),
      "recurring",
    ).body;
    const skipped = await waitFor(
      "a skipped firing",
      async () => {
        const s = expectOk(await api("GET", `/api/scheduler/${created.id}`), "get").body;
        return /^skipped the firing/.test(s.error ?? "") && s;
      },
      30_000,
    );
    expect(skipped.firedCount).toBe(1);
    const queue = await request("GET", `/api/chat/${offline.sessionId}/${encodeURIComponent(jidOf(ALICE))}?limit=50`, {
      baseUrl: base,
      as: { apiKey: tenant.key },
    });
    expect((queue.body as Array<{ content: string }>).filter((m) => m.content === "backlog?")).toHaveLength(1);
    expectOk(await api("DELETE", `/api/scheduler/${created.id}`), "stop");
  });
});

describe("Automation API", () => {
  it("sends, schedules with aiModifications, and lists the queue on the default session", { timeout: 60_000 }, async () => {
    const phone = "15550100099";
    expectOk(await api("POST", "/api/sandbox/contacts", { phone, name: "Automation Contact" }), "contact", 201);
    const form = new FormData();
    form.set("phoneId", `+${phone}`);
    form.set("message", "Hello from the Automation API");
    const sentRes = await postForm(base, tenant, "/api/messages/send", form);
    expect(sentRes.status, sentRes.text).toBe(200);
    const sent = sentRes.body;
    expect(sent).toMatchObject({ success: true, messageId: expect.any(String), scheduledFor: null });

    const scheduledTime = inSeconds(3);
    const scheduled = expectOk(
      await api("POST", "/api/messages/schedule", {
        phoneId: `+${phone}`,
        message: "Hello, thanks for the order. The new offer is great. Check it now.",
        scheduledTime,
        aiModifications: { useSynonyms: true, addEmojis: true, shuffleSentences: false },
      }),
      "schedule",
    ).body;
    expect(scheduled).toMatchObject({ success: true, scheduledFor: scheduledTime, messageId: expect.any(String) });

    const inbox = await waitFor(
      "both messages",
      async () => {
        const got = await receivedBy(base, tenant, phone, session.sessionId);
        return got.length >= 2 && got;
      },
      30_000,
    );
    expect(inbox[0]).toMatchObject({ id: sent.messageId, text: "Hello from the Automation API" });
    expect(inbox[1].id).toBe(scheduled.messageId);
    expect(inbox[1].text).not.toBe("Hello, thanks for the order. The new offer is great. Check it now.");
    expect(inbox[1].text).toMatch(/^(Hello|Hi|Hey)\b/);

    // A picture with its caption, as the form's mediaFile.
    const withMedia = new FormData();
    withMedia.set("phoneId", phone);
    withMedia.set("message", "the picture");
    withMedia.set("mediaFile", new Blob([new Uint8Array(await samplePng(32, 32))], { type: "image/png" }), "pic.png");
    const mediaRes = await postForm(base, tenant, "/api/messages/send", withMedia);
    expect(mediaRes.status, mediaRes.text).toBe(200);
    const picture = await waitFor(
      "the picture",
      async () => (await receivedBy(base, tenant, phone, session.sessionId)).find((m) => m.id === mediaRes.body.messageId),
      30_000,
    );
    expect(picture.kinds).toContain("imageMessage");
    expect(picture.message.imageMessage.caption).toBe("the picture");

    const queue = expectOk(await api("GET", "/api/messages/queue?page=1&limit=2"), "queue").body;
    expect(queue.pagination).toMatchObject({ page: 1, limit: 2 });
    expect(queue.pagination.total).toBeGreaterThanOrEqual(2);
    expect(queue.pagination.pages).toBe(Math.ceil(queue.pagination.total / 2));
    const item = queue.messages.find((m: { id: string }) => m.id === scheduled.messageId);
    expect(item).toMatchObject({ to: `+${phone}`, scheduledFor: scheduledTime });
    expect(["sent", "delivered", "read"]).toContain(item.status);

    for (const [path, body, field] of [
      ["/api/messages/schedule", { phoneId: "abc", message: "x", scheduledTime: inSeconds(60) }, "phoneId"],
      ["/api/messages/schedule", { phoneId: `+${phone}`, message: "x", scheduledTime: "2001-01-01T00:00:00Z" }, "scheduledTime"],
      ["/api/messages/schedule", { phoneId: `+${phone}`, message: "x" }, "scheduledTime"],
      ["/api/messages/send", { message: "x" }, "phoneId"],
    ] as const) {
      const res = await api("POST", path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toContain(field);
    }
    expect((await api("GET", "/api/messages/queue?limit=500")).status).toBe(400);
  });

  it("previews variations deterministically", async () => {
    const body = {
      text: "{Hi|Hello} {{name}}, thanks! Visit https://example.com/a?b=1 for 50% off.",
      aiModifications: { useSynonyms: true, addEmojis: true },
      count: 4,
      seed: "s",
    };
    const a = expectOk(await api("POST", "/api/messages/variations/preview", body), "preview").body;
    const b = expectOk(await api("POST", "/api/messages/variations/preview", body), "preview").body;
    expect(a.variants).toHaveLength(4);
    expect(a).toEqual(b);
    for (const v of a.variants) expect(v).toContain("https://example.com/a?b=1");
    expect((await api("POST", "/api/messages/variations/preview", { ...body, count: 500 })).status).toBe(400);
  });
});

describe("tenancy", () => {
  it("another tenant and unassigned staff get 404 on every scheduler endpoint; assigned staff reach their session's schedules", async () => {
    const created = expectOk(
      await api("POST", "/api/scheduler", { sessionId: session.sessionId, jid: ALICE, content: "private", sendAt: "2036-01-01T00:00:00Z" }),
      "schedule",
    ).body;
    const mallory = await registerTenant(base);
    const stranger = await staffOn(base, tenant, []);
    for (const who of [mallory, stranger]) {
      expect((await api("GET", `/api/scheduler?sessionId=${session.sessionId}`, undefined, who)).status).toBe(404);
      expect((await api("POST", "/api/scheduler", { sessionId: session.sessionId, jid: ALICE, content: "x", sendAt: inSeconds(60) }, who)).status).toBe(404);
      expect((await api("GET", `/api/scheduler/${created.id}`, undefined, who)).status).toBe(404);
      expect((await api("PATCH", `/api/scheduler/${created.id}`, { status: "PAUSED" }, who)).status).toBe(404);
      expect((await api("DELETE", `/api/scheduler/${created.id}`, undefined, who)).status).toBe(404);
      const own = expectOk(await api("GET", "/api/scheduler", undefined, who), "own list").body as Array<{ id: string }>;
      expect(own.map((s) => s.id)).not.toContain(created.id);
    }
    // Unassigned staff have no default session to act on.
    expect((await api("GET", "/api/messages/queue", undefined, stranger)).status).toBe(404);
    const assigned = await staffOn(base, tenant, [session.sessionId]);
    expect(expectOk(await api("GET", `/api/scheduler/${created.id}`, undefined, assigned), "staff get").body.content).toBe("private");
    expect(expectOk(await api("GET", `/api/scheduler/${created.id}`), "still pending").body.status).toBe("PENDING");
    expectOk(await api("DELETE", `/api/scheduler/${created.id}`, undefined, assigned), "staff cancels");
  });
});
