// Issue 9 through one sandbox gateway with two tenants (real Baileys against the emulated network):
// the sandbox keeps tenants' phone numbers and contacts apart, and a webhook test send shows the
// answer's status and size, never its text.
import { io as connectSocket, type Socket } from "socket.io-client";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, newUserInput, request, sessionCookieFrom, uniqueName } from "../support/api-client";
import { ALICE, ECHO_BOT, pairedSession, registerTenant, startSandboxGateway, type Tenant } from "../support/sandbox";
import { waitFor } from "../support/wait";
import { type Receiver, startReceiver, verifyWebhook } from "../support/webhook-receiver";

const HOOK_SECRET = "a-secret-shared-with-the-receiver";

let gateway: TestServer;
let base: string;
let alice: Tenant;
let mallory: Tenant;
const receivers: Receiver[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  gateway = await startSandboxGateway({ PACING_MIN_GAP_MS: "0", PACING_JITTER_MS: "0", WEBHOOK_TIMEOUT_MS: "3000" });
  base = gateway.baseUrl;
  [alice, mallory] = await Promise.all([registerTenant(base), registerTenant(base)]);
}, 180_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await Promise.all(receivers.map((r) => r.close()));
  await gateway?.stop();
});

const api = (tenant: Tenant) => ({ baseUrl: base, as: { apiKey: tenant.key } });

async function sessionWaitingForQr(tenant: Tenant): Promise<string> {
  const session = expectOk(await request("POST", "/api/sessions", { ...api(tenant), json: { name: uniqueName("s") } }), "create session").body;
  expectOk(await request("POST", `/api/sessions/${session.sessionId}/connect`, api(tenant)), "connect");
  return session.sessionId;
}

describe("sandbox isolation", () => {
  it("a tenant cannot pair as another tenant's number, nor as a demo contact; its own numbers work", async () => {
    const victim = await pairedSession(base, alice);
    const attacker = await sessionWaitingForQr(mallory);
    for (const phone of [victim.phone, ECHO_BOT, ALICE]) {
      const res = await request("POST", `/api/sandbox/sessions/${attacker}/scan`, { ...api(mallory), json: { phone } });
      expect(res.status, res.text).toBe(409);
      expect(res.body.error).toMatch(/^phone: /);
    }
    // The victim's account still has exactly one linked session: Alice's.
    const status = expectOk(await request("GET", `/api/sessions/${attacker}/status`, api(mallory)), "status").body;
    expect(status.status).not.toBe("CONNECTED");

    // A number Mallory makes up becomes hers: she can pair as it, Alice then cannot.
    const own = `1666${Date.now().toString().slice(-7)}`;
    const scanned = expectOk(await request("POST", `/api/sandbox/sessions/${attacker}/scan`, { ...api(mallory), json: { phone: own } }), "scan own").body;
    expect(scanned).toMatchObject({ phone: own, status: "CONNECTED" });
    const aliceSecond = await sessionWaitingForQr(alice);
    expect((await request("POST", `/api/sandbox/sessions/${aliceSecond}/scan`, { ...api(alice), json: { phone: own } })).status).toBe(409);
    // Her own session's derived number still works for Alice.
    expect(expectOk(await request("POST", `/api/sandbox/sessions/${aliceSecond}/scan`, { ...api(alice), json: {} }), "scan default").body.status).toBe(
      "CONNECTED",
    );
  });

  it("contacts: each tenant sees the demo contacts and its own, never another tenant's", async () => {
    const mine = `1777${Date.now().toString().slice(-7)}`;
    expectOk(await request("POST", "/api/sandbox/contacts", { ...api(alice), json: { phone: mine, name: "Alice's customer" } }), "create contact", 201);
    const listOf = async (t: Tenant) =>
      (expectOk(await request("GET", "/api/sandbox/contacts", api(t)), "contacts").body as Array<{ phone: string }>).map((c) => c.phone);
    const [aliceSees, mallorySees] = await Promise.all([listOf(alice), listOf(mallory)]);
    expect(aliceSees).toEqual(expect.arrayContaining([ECHO_BOT, ALICE, mine]));
    expect(mallorySees).toEqual(expect.arrayContaining([ECHO_BOT, ALICE]));
    expect(mallorySees).not.toContain(mine);
    // Nor can Mallory use it: not as a sender, not to read what it received, not to pair as it.
    const malloryPaired = await pairedSession(base, mallory);
    expect(
      (await request("POST", `/api/sandbox/contacts/${mine}/messages`, { ...api(mallory), json: { to: malloryPaired.sessionId, text: "hi" } })).status,
    ).toBe(404);
    expect((await request("GET", `/api/sandbox/contacts/${mine}/messages`, api(mallory))).status).toBe(404);
    const attacker = await sessionWaitingForQr(mallory);
    expect((await request("POST", `/api/sandbox/sessions/${attacker}/scan`, { ...api(mallory), json: { phone: mine } })).status).toBe(409);
    // Alice can use it.
    const alicePaired = await pairedSession(base, alice);
    expectOk(
      await request("POST", `/api/sandbox/contacts/${mine}/messages`, { ...api(alice), json: { to: alicePaired.sessionId, text: "hello" } }),
      "alice's contact sends",
    );
  });
});

describe("webhook test sends", () => {
  it("show the answer's status and size, not its text; deliveries keep the receiver's snippet", async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const secretText = "internal-service-secret-answer";
    receiver.answer = () => ({ status: 200, body: secretText });
    const session = await pairedSession(base, alice);
    const hook = expectOk(
      await request("POST", "/api/webhooks", {
        ...api(alice),
        json: { name: "t", url: receiver.url, events: ["message.received"], sessionId: session.sessionId, secret: HOOK_SECRET },
      }),
      "create webhook",
    ).body;
    const test = expectOk(await request("POST", `/api/webhooks/${hook.id}/test`, api(alice)), "test").body;
    expect(test.lastAttempt).toMatchObject({ statusCode: 200, responseBytes: secretText.length });
    expect(JSON.stringify(test)).not.toContain(secretText);
    const log = expectOk(await request("GET", `/api/webhooks/${hook.id}/deliveries`, api(alice)), "deliveries").body;
    expect(JSON.stringify(log)).not.toContain(secretText);

    // A real delivery keeps the start of the receiver's own answer.
    expectOk(
      await request("POST", `/api/sandbox/contacts/${ALICE}/messages`, { ...api(alice), json: { to: session.sessionId, text: "hello hook" } }),
      "contact sends",
    );
    const [delivery] = (await receiver.waitFor((r) => r.some((x) => x.body?.event === "message.received"), "a delivery")).filter(
      (x) => x.body?.event === "message.received",
    );
    // Signed both ways: Ultimate WhatsApp Gateway's header, and Standard Webhooks' (checked by its own package).
    expect(verifyWebhook(delivery.body, String(delivery.headers["x-webhook-signature"]), HOOK_SECRET)).toBe(true);
    const standard = {
      "webhook-id": String(delivery.headers["webhook-id"]),
      "webhook-timestamp": String(delivery.headers["webhook-timestamp"]),
      "webhook-signature": String(delivery.headers["webhook-signature"]),
    };
    expect(new Webhook(`whsec_${Buffer.from(HOOK_SECRET).toString("base64")}`).verify(delivery.raw, standard)).toEqual(delivery.body);
    expect(() =>
      new Webhook(`whsec_${Buffer.from(HOOK_SECRET).toString("base64")}`).verify(delivery.raw.replace("hello hook", "hello hack"), standard),
    ).toThrow();
    const delivered = await waitFor("the delivery's log entry", async () => {
      const body = expectOk(await request("GET", `/api/webhooks/${hook.id}/deliveries`, api(alice)), "deliveries").body;
      return body.deliveries.find((d: { event: string; attempts: number }) => d.event === "message.received" && d.attempts > 0);
    });
    expect(delivered.attemptLog[0]).toMatchObject({ responseSnippet: secretText, responseBytes: secretText.length });
  });
});

function openSocket(auth: { apiKey: string } | { cookie: string }): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectSocket(base, {
      ...("apiKey" in auth ? { auth: { apiKey: auth.apiKey } } : { extraHeaders: { Cookie: auth.cookie } }),
      transports: ["websocket"],
      reconnection: false,
    });
    sockets.push(socket);
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

async function joined(socket: Socket, sessionId: string) {
  const ack = await new Promise<{ ok: boolean; error?: string }>((resolve) => socket.emit("join-session", { sessionId }, resolve));
  expect(ack).toMatchObject({ ok: true });
  return socket;
}

/** The texts of the `message` events a socket has received so far. */
function collectMessages(socket: Socket): string[] {
  const texts: string[] = [];
  socket.on("message", (m: { text?: string }) => typeof m.text === "string" && texts.push(m.text));
  return texts;
}

const disconnected = (socket: Socket) => waitFor("the socket to be disconnected", async () => !socket.connected, 2_000);

/** A STAFF member of `owner` on the sandbox gateway, signed in, with an API key. */
async function staffOf(owner: Tenant, sessionIds: string[]) {
  const input = newUserInput("staff");
  const user = expectOk(await request("POST", "/api/users", { baseUrl: base, as: { cookie: owner.cookie }, json: input }), "create staff", 201).body;
  expectOk(await request("PUT", `/api/users/${user.id}/sessions`, { baseUrl: base, as: { cookie: owner.cookie }, json: { sessionIds } }), "assign");
  const login = expectOk(
    await request("POST", "/api/auth/login", { baseUrl: base, json: { username: input.username, password: input.password } }),
    "staff login",
  );
  const cookie = sessionCookieFrom(login)!;
  const key = expectOk(await request("POST", "/api/user/api-key", { baseUrl: base, as: { cookie } }), "staff key").body.apiKey as string;
  return { id: user.id as string, cookie, key, password: input.password, username: input.username };
}

describe("Socket.io after a revocation", () => {
  it("a revoked or rotated API key's socket is disconnected within 2 s; the owner's stream goes on", async () => {
    const session = await pairedSession(base, alice);
    const byCookie = { baseUrl: base, as: { cookie: alice.cookie } };
    const contactSends = async (text: string) =>
      expectOk(await request("POST", `/api/sandbox/contacts/${ALICE}/messages`, { ...byCookie, json: { to: session.sessionId, text } }), `send ${text}`);
    const watcher = await joined(await openSocket({ cookie: alice.cookie }), session.sessionId);
    const watched = collectMessages(watcher);

    const viaKey = await joined(await openSocket({ apiKey: alice.key }), session.sessionId);
    const seen = collectMessages(viaKey);
    await contactSends("before revoke");
    await waitFor("the key's socket to get the message", async () => seen.includes("before revoke"));

    expectOk(await request("DELETE", "/api/user/api-key", byCookie), "revoke");
    await disconnected(viaKey);
    // Rotation: a socket opened with the previous key ends too.
    const previous = expectOk(await request("POST", "/api/user/api-key", byCookie), "new key").body.apiKey as string;
    const beforeRotation = await joined(await openSocket({ apiKey: previous }), session.sessionId);
    alice.key = expectOk(await request("POST", "/api/user/api-key", byCookie), "rotate").body.apiKey as string;
    await disconnected(beforeRotation);

    await contactSends("after revoke");
    await waitFor("the cookie socket to get the message", async () => watched.includes("after revoke"));
    expect(seen).not.toContain("after revoke");
    expect(watcher.connected).toBe(true);
  });

  it("an unassigned staff member's socket leaves the session's rooms within 2 s; a deleted one is disconnected", async () => {
    const session = await pairedSession(base, alice);
    const staff = await staffOf(alice, [session.sessionId]);
    const watcher = await joined(await openSocket({ cookie: alice.cookie }), session.sessionId);
    const watched = collectMessages(watcher);
    const staffSocket = await joined(await openSocket({ apiKey: staff.key }), session.sessionId);
    const staffCookieSocket = await joined(await openSocket({ cookie: staff.cookie }), session.sessionId);
    const staffSeen = collectMessages(staffSocket);
    const staffCookieSeen = collectMessages(staffCookieSocket);
    const revoked: string[] = [];
    staffSocket.on("session.access-revoked", (e: { sessionId: string }) => revoked.push(e.sessionId));

    expectOk(await request("PUT", `/api/users/${staff.id}/sessions`, { baseUrl: base, as: { cookie: alice.cookie }, json: { sessionIds: [] } }), "unassign");
    await waitFor("the staff socket to leave the session", async () => revoked.includes(session.sessionId), 2_000);
    expectOk(
      await request("POST", `/api/sandbox/contacts/${ALICE}/messages`, { ...api(alice), json: { to: session.sessionId, text: "after unassign" } }),
      "send",
    );
    await waitFor("the owner's socket to get the message", async () => watched.includes("after unassign"));
    expect(staffSeen).not.toContain("after unassign");
    expect(staffCookieSeen).not.toContain("after unassign");
    // Still connected (the key is valid), but joining again is refused.
    expect(staffSocket.connected).toBe(true);
    const again = await new Promise<{ ok: boolean }>((resolve) => staffSocket.emit("join-session", { sessionId: session.sessionId }, resolve));
    expect(again.ok).toBe(false);

    expectOk(await request("DELETE", `/api/users/${staff.id}`, { baseUrl: base, as: { cookie: alice.cookie } }), "delete staff");
    await disconnected(staffSocket);
    await disconnected(staffCookieSocket);
    expect(watcher.connected).toBe(true);
  });
});

describe("the QR rule on every event path", () => {
  it("staff never get a QR: not in the event log, not on Socket.io, and they cannot point a webhook anywhere", async () => {
    const sessionId = await sessionWaitingForQr(alice);
    const staff = await staffOf(alice, [sessionId]);
    const ownerSocket = await joined(await openSocket({ cookie: alice.cookie }), sessionId);
    const staffSocket = await joined(await openSocket({ apiKey: staff.key }), sessionId);
    const ownerQrs: unknown[] = [];
    const staffEvents: Array<[string, unknown]> = [];
    ownerSocket.on("qr", (e: unknown) => ownerQrs.push(e));
    staffSocket.onAny((event: string, data: unknown) => staffEvents.push([event, data]));
    // A new QR (the first one may have been emitted before the sockets joined): connect again.
    expectOk(await request("POST", `/api/sessions/${sessionId}/restart`, api(alice)), "restart");
    await waitFor("a QR on the owner's socket", async () => ownerQrs.length > 0);
    await waitFor("the staff socket to see the status change", async () => staffEvents.some(([e]) => e === "connection.update"));
    // connection.update names a `qr` field for every listener (the Ultimate WhatsApp Gateway's
    // shape), but only managers get a code in it: staff see null.
    const qrCodesSeenByStaff = staffEvents.filter(
      ([event, data]) => event === "qr" || JSON.stringify(data).includes("data:image") || typeof (data as { qr?: unknown })?.qr === "string",
    );
    expect(qrCodesSeenByStaff).toEqual([]);
    expect(staffEvents.filter(([event]) => event === "connection.update").every(([, data]) => (data as { qr?: unknown }).qr === null)).toBe(true);

    const ownerLog = expectOk(await request("GET", `/api/sessions/${sessionId}/events`, api(alice)), "owner events").body as Array<{ event: string }>;
    expect(ownerLog.some((e) => e.event === "qr")).toBe(true);
    for (const as of [{ apiKey: staff.key }, { cookie: staff.cookie }]) {
      const log = expectOk(await request("GET", `/api/sessions/${sessionId}/events`, { baseUrl: base, as }), "staff events").body as Array<{
        event: string;
        data: object;
      }>;
      expect(log.length).toBeGreaterThan(0);
      expect(log.filter((e) => e.event === "qr" || "qr" in e.data)).toEqual([]);
    }
    // Webhooks receive QR events, so only those who may manage the session can set one up.
    const hook = await request("POST", "/api/webhooks", {
      baseUrl: base,
      as: { apiKey: staff.key },
      json: { name: "x", url: "http://8.8.8.8/", events: ["qr"] },
    });
    expect(hook.status).toBe(403);
    expect(
      (await request("PUT", `/api/sessions/${sessionId}/webhook`, { baseUrl: base, as: { apiKey: staff.key }, json: { url: "http://8.8.8.8/" } })).status,
    ).toBe(403);
  });
});

describe("a public sessionId used by two tenants", () => {
  it("keeps their Socket.io rooms and sends apart", async () => {
    const custom = `dup-${Date.now().toString(36)}`;
    const create = async (t: Tenant) =>
      expectOk(await request("POST", "/api/sessions", { ...api(t), json: { name: "dup", sessionId: custom } }), "create").body;
    const [mine, theirs] = [await create(alice), await create(mallory)];
    expect(mine.id).not.toBe(theirs.id);
    const aliceSocket = await joined(await openSocket({ apiKey: alice.key }), custom);
    const mallorySocket = await joined(await openSocket({ apiKey: mallory.key }), custom);
    const aliceSaw: unknown[] = [];
    const mallorySaw: unknown[] = [];
    aliceSocket.on("connection.update", (e: unknown) => aliceSaw.push(e));
    mallorySocket.onAny((_event: string, e: unknown) => mallorySaw.push(e));
    // Alice pairs hers and sends through it by the public id.
    expectOk(await request("POST", `/api/sessions/${custom}/connect`, api(alice)), "connect");
    const scanned = expectOk(await request("POST", `/api/sandbox/sessions/${custom}/scan`, { ...api(alice), json: {} }), "scan").body;
    await waitFor("alice's socket to see her session connect", async () => aliceSaw.some((e) => (e as { status?: string }).status === "CONNECTED"));
    expectOk(
      await request("POST", "/api/chat/send", { ...api(alice), json: { sessionId: custom, jid: ALICE, message: { text: "from the dup session" } } }),
      "send",
    );
    const received = await waitFor("the contact to get it", async () => {
      const inbox = expectOk(await request("GET", `/api/sandbox/contacts/${ALICE}/messages`, api(alice)), "inbox").body as Array<{
        text: string;
        from: string;
      }>;
      return inbox.find((m) => m.text === "from the dup session");
    });
    expect(received.from).toBe(scanned.phone);
    expect(mallorySaw).toEqual([]);
    // Mallory's own session of that name is untouched.
    expect(expectOk(await request("GET", `/api/sessions/${custom}/status`, api(mallory)), "status").body.status).not.toBe("CONNECTED");
  });
});
