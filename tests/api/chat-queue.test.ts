// Issue 5, the send queue and the other chat operations through a sandbox gateway: batches answered
// per item, Idempotency-Key, wait:false on a disconnected session, sends that wait too long for their
// session, who may send through which session, and check-number, presence, profile-picture, mark-read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request, uniqueName } from "../support/api-client";
import {
  ALICE,
  BOB,
  chatMessages,
  jidOf,
  pairedSession,
  receivedBy,
  registerTenant,
  send,
  staffOn,
  startSandboxGateway,
  storedMessage,
  type Tenant,
  waitForReceived,
} from "../support/sandbox";
import { waitFor } from "../support/wait";

/** Sends on a session that never connects fail after this long (SEND_WAIT_FOR_CONNECTION_MS). */
const WAIT_FOR_CONNECTION_MS = 2000;

let gateway: TestServer;
let base: string;
let owner: Tenant;
let other: Tenant;
let main: { id: string; sessionId: string; phone: string };
let second: { id: string; sessionId: string; phone: string };
let offline: { id: string; sessionId: string };

beforeAll(async () => {
  gateway = await startSandboxGateway({ SEND_WAIT_FOR_CONNECTION_MS: String(WAIT_FOR_CONNECTION_MS) });
  base = gateway.baseUrl;
  [owner, other] = await Promise.all([registerTenant(base), registerTenant(base)]);
  [main, second] = await Promise.all([pairedSession(base, owner), pairedSession(base, owner)]);
  offline = expectOk(
    await request("POST", "/api/sessions", { baseUrl: base, as: { apiKey: owner.key }, json: { name: "Never paired" } }),
    "offline session",
  ).body;
});
afterAll(async () => {
  await gateway?.stop();
});

const post = (path: string, tenant: Tenant, json: unknown) => request("POST", path, { baseUrl: base, as: { apiKey: tenant.key }, json });

describe("batch sends (Campaign API)", () => {
  it("answers one result per item, in order; a refused item does not stop the others", async () => {
    const res = expectOk(
      await send(base, owner, [
        { sessionId: main.sessionId, jid: ALICE, message: { text: "batch one" } },
        { sessionId: main.sessionId, jid: "12", message: { text: "never" } },
        { sessionId: main.sessionId, jid: jidOf(BOB), message: { location: { degreesLatitude: 1.5, degreesLongitude: 2.5 } } },
        { sessionId: "no-such-session", jid: ALICE, message: { text: "never" } },
        { sessionId: offline.sessionId, jid: ALICE, message: { text: "never" }, wait: false },
      ]),
      "batch",
    ).body;
    expect(res).toEqual([
      { success: true, messageId: expect.any(String), status: "PENDING" },
      { success: false, messageId: null, status: null, statusCode: 400, error: "jid: '12' is not a valid phone number or WhatsApp ID" },
      { success: true, messageId: expect.any(String), status: "PENDING" },
      { success: false, messageId: null, status: null, statusCode: 404, error: "Session not found" },
      { success: false, messageId: null, status: null, statusCode: 503, error: `Session ${offline.sessionId} is not connected` },
    ]);
    expect((await waitForReceived(base, owner, ALICE, res[0].messageId)).text).toBe("batch one");
    expect((await waitForReceived(base, owner, BOB, res[2].messageId)).message.locationMessage).toMatchObject({ degreesLatitude: 1.5 });
  });

  it("goes out in the order it was accepted", async () => {
    const texts = Array.from({ length: 8 }, (_, i) => `ordered ${i}`);
    const res = expectOk(
      await send(
        base,
        owner,
        texts.map((text) => ({ sessionId: second.sessionId, jid: ALICE, message: { text } })),
      ),
      "batch",
    ).body;
    const ids = res.map((r: { messageId: string }) => r.messageId);
    const inbox = await waitFor("all eight", async () => {
      const got = (await receivedBy(base, owner, ALICE, second.sessionId)).filter((m) => ids.includes(m.id));
      return got.length === ids.length && got;
    });
    expect(inbox.map((m) => m.text)).toEqual(texts);
  });

  it("refuses a malformed batch as a whole, naming the item", async () => {
    const tooMany = Array.from({ length: 101 }, () => ({ sessionId: main.sessionId, jid: ALICE, message: { text: "x" } }));
    expect((await send(base, owner, tooMany)).body.error).toBe("must have at most 100 items");
    expect((await send(base, owner, [])).body.error).toBe("must not be empty");
    const bad = await send(base, owner, [
      { sessionId: main.sessionId, jid: ALICE, message: { text: "ok" } },
      { sessionId: main.sessionId, jid: ALICE, message: { text: 5 } },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^1\.message\.text: /);
  });
});

describe("Idempotency-Key", () => {
  it("a retried request answers the same message and sends it once", async () => {
    const key = `retry-${uniqueName()}`;
    const body = { sessionId: main.sessionId, jid: ALICE, message: { text: `only once ${key}` } };
    const answers = await Promise.all([send(base, owner, body, { "Idempotency-Key": key }), send(base, owner, body, { "Idempotency-Key": key })]);
    const again = await send(base, owner, body, { "Idempotency-Key": key });
    const ids = [...answers, again].map((r) => expectOk(r, "send").body.messageId);
    expect(new Set(ids).size).toBe(1);
    await waitForReceived(base, owner, ALICE, ids[0]);
    await new Promise((r) => setTimeout(r, 1000)); // room for a second copy, were there one
    expect((await receivedBy(base, owner, ALICE)).filter((m) => m.text === body.message.text)).toHaveLength(1);
    const stored = await storedMessage(base, owner, main.sessionId, jidOf(ALICE), ids[0]);
    expect(stored).toMatchObject({ keyId: ids[0], content: body.message.text });
    // Without the key the same body is a new message.
    expect(expectOk(await send(base, owner, body), "no key").body.messageId).not.toBe(ids[0]);
  });

  it("keys each batch item as key:index", async () => {
    const key = `batch-${uniqueName()}`;
    const items = [0, 1].map((i) => ({ sessionId: main.sessionId, jid: BOB, message: { text: `item ${i} ${key}` } }));
    const first = expectOk(await send(base, owner, items, { "Idempotency-Key": key }), "batch").body;
    const second = expectOk(await send(base, owner, items, { "Idempotency-Key": key }), "batch again").body;
    expect(second.map((r: { messageId: string }) => r.messageId)).toEqual(first.map((r: { messageId: string }) => r.messageId));
    // The single-send form with key:1 is the same message as item 1.
    expect(expectOk(await send(base, owner, items[1], { "Idempotency-Key": `${key}:1` }), "single").body.messageId).toBe(first[1].messageId);
  });

  it("the same batch sent twice at once answers the same messages, each sent once", async () => {
    const key = `twice-${uniqueName()}`;
    const items = [0, 1, 2].map((i) => ({ sessionId: main.sessionId, jid: BOB, message: { text: `at once ${i} ${key}` } }));
    const answers = await Promise.all([send(base, owner, items, { "Idempotency-Key": key }), send(base, owner, items, { "Idempotency-Key": key })]);
    const [a, b] = answers.map((r) => expectOk(r, "batch").body.map((item: { messageId: string }) => item.messageId));
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(3);
    for (const id of a) await waitForReceived(base, owner, BOB, id);
    await new Promise((r) => setTimeout(r, 1000)); // room for a second copy, were there one
    const got = (await receivedBy(base, owner, BOB)).filter((m) => typeof m.text === "string" && m.text.endsWith(key));
    expect(got.map((m) => m.text).sort()).toEqual(items.map((i) => i.message.text));
  });
});

describe("a session that is not connected", () => {
  it("wait:false (body or query) answers 503 and stores nothing", async () => {
    const body = { sessionId: offline.sessionId, jid: ALICE, message: { text: "no wait" } };
    for (const res of [
      await send(base, owner, { ...body, wait: false }),
      await request("POST", "/api/chat/send?wait=false", { baseUrl: base, as: { apiKey: owner.key }, json: body }),
    ]) {
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ error: `Session ${offline.sessionId} is not connected` });
    }
    expect(expectOk(await chatMessages(base, owner, offline.sessionId, jidOf(ALICE)), "nothing stored").body).toEqual([]);
  });

  it("a queued send fails with the reason once it waited SEND_WAIT_FOR_CONNECTION_MS", async () => {
    const { messageId } = expectOk(await send(base, owner, { sessionId: offline.sessionId, jid: ALICE, message: { text: "will wait" } }), "accepted").body;
    expect(await storedMessage(base, owner, offline.sessionId, jidOf(ALICE), messageId)).toMatchObject({ status: "PENDING" });
    const failed = await waitFor("FAILED", async () => {
      const m = await storedMessage(base, owner, offline.sessionId, jidOf(ALICE), messageId);
      return m?.status === "FAILED" && m;
    });
    expect(failed.failureReason).toBe("session not connected");
    const events = expectOk(await request("GET", `/api/sessions/${offline.sessionId}/events`, { baseUrl: base, as: { apiKey: owner.key } }), "events").body;
    expect(events.find((e: { event: string; data: { id?: string } }) => e.event === "message.update" && e.data.id === messageId)?.data).toMatchObject({
      status: "FAILED",
      reason: "session not connected",
    });
  });

  it.each([
    ["/api/chat/presence", { presence: "composing", jid: ALICE }],
    ["/api/chat/check-number", { phones: [ALICE] }],
    ["/api/chat/profile-picture", { jid: ALICE }],
    ["/api/chat/mark-read", { jid: ALICE }],
  ])("%s answers 503", async (path, body) => {
    const res = await post(path, owner, { sessionId: offline.sessionId, ...body });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ error: `Session ${offline.sessionId} is not connected` });
  });
});

describe("who may send and read through a session", () => {
  it("staff only through the sessions assigned to them; other tenants get 404", async () => {
    const asStaff = await staffOn(base, owner, [main.sessionId]);
    const staffKey = asStaff.key;

    const sent = expectOk(await send(base, asStaff, { sessionId: main.sessionId, jid: ALICE, message: { text: "from staff" } }), "staff sends").body;
    expect((await waitForReceived(base, owner, ALICE, sent.messageId)).text).toBe("from staff");
    expectOk(await request("GET", `/api/chat/${main.sessionId}`, { baseUrl: base, as: { apiKey: staffKey } }), "staff reads");

    for (const [who, tenant, sessionId] of [
      ["unassigned session", asStaff, second.sessionId],
      ["other tenant", other, main.sessionId],
    ] as const) {
      const res = await send(base, tenant, { sessionId, jid: ALICE, message: { text: "must not go" } });
      expect(res.status, who).toBe(404);
      expect(res.body).toEqual({ error: "Session not found" });
      expect((await request("GET", `/api/chat/${sessionId}`, { baseUrl: base, as: { apiKey: tenant.key } })).status, who).toBe(404);
      expect((await chatMessages(base, tenant, sessionId, jidOf(ALICE))).status, who).toBe(404);
      expect((await post("/api/chat/presence", tenant, { sessionId, jid: ALICE, presence: "composing" })).status, who).toBe(404);
      expect((await post("/api/chat/mark-read", tenant, { sessionId, jid: ALICE })).status, who).toBe(404);
    }
    expect((await receivedBy(base, owner, ALICE)).some((m) => m.text === "must not go")).toBe(false);
    // Other tenants' messages cannot be edited, reacted to or quoted by id either.
    const res = await send(base, other, { sessionId: main.sessionId, jid: ALICE, message: { delete: sent.messageId } });
    expect(res.status).toBe(404);
    expect((await request("POST", "/api/chat/send", { baseUrl: base, json: { sessionId: main.sessionId, jid: ALICE, message: { text: "x" } } })).status).toBe(
      401,
    );
  });
});

describe("check-number, presence, profile-picture, mark-read", () => {
  it("check-number: registered numbers with their JID, unknown ones exists:false", async () => {
    const res = expectOk(
      await post("/api/chat/check-number", owner, { sessionId: main.sessionId, phones: [ALICE, "+1 (555) 010-0003", "15559990000"] }),
      "check",
    ).body;
    expect(res).toEqual([
      { phone: ALICE, exists: true, jid: jidOf(ALICE) },
      { phone: "+1 (555) 010-0003", exists: true, jid: jidOf(BOB) },
      { phone: "15559990000", exists: false, jid: null },
    ]);
    const bad = await post("/api/chat/check-number", owner, { sessionId: main.sessionId, phones: [ALICE, "12"] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe("phones.1: '12' is not a valid phone number or WhatsApp ID");
  });

  it("presence: each kind is accepted; an unknown one is a 400", async () => {
    for (const presence of ["composing", "recording", "paused", "available", "unavailable"]) {
      expect(expectOk(await post("/api/chat/presence", owner, { sessionId: main.sessionId, jid: ALICE, presence }), presence).body).toMatchObject({
        success: true,
        presence,
      });
    }
    const bad = await post("/api/chat/presence", owner, { sessionId: main.sessionId, jid: ALICE, presence: "dancing" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^presence: /);
  });

  it("profile-picture: null when the contact has none", async () => {
    expect(expectOk(await post("/api/chat/profile-picture", owner, { sessionId: main.sessionId, jid: ALICE }), "picture").body).toEqual({ url: null });
  });

  it("mark-read: reads the chat's unread incoming messages and resets its unread count", async () => {
    const ids: string[] = [];
    for (const text of ["unread one", "unread two"]) {
      const sent = expectOk(await post(`/api/sandbox/contacts/${BOB}/messages`, owner, { to: second.sessionId, text }), "contact sends").body;
      ids.push(sent.messageId);
    }
    for (const id of ids) await waitFor("stored", () => storedMessage(base, owner, second.sessionId, jidOf(BOB), id));
    const chatOf = async () =>
      expectOk(await request("GET", `/api/chat/${second.sessionId}`, { baseUrl: base, as: { apiKey: owner.key } }), "chats").body.find(
        (c: { jid: string }) => c.jid === jidOf(BOB),
      );
    expect((await chatOf()).unreadCount).toBeGreaterThan(0);
    expect(expectOk(await post("/api/chat/mark-read", owner, { sessionId: second.sessionId, jid: `+${BOB}` }), "mark read").body).toEqual({ markedCount: 2 });
    expect((await chatOf()).unreadCount).toBe(0);
    for (const id of ids) expect(await storedMessage(base, owner, second.sessionId, jidOf(BOB), id)).toMatchObject({ status: "READ" });
    expect(expectOk(await post("/api/chat/mark-read", owner, { sessionId: second.sessionId, jid: BOB }), "again").body).toEqual({ markedCount: 0 });
  });
});
