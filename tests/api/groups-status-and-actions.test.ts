// Issue 11: status posts reach the contacts (text with colour and font, image); contacts' statuses
// are stored, listed and announced; the message-action endpoints (react, edit, delete, forward) send
// what they stand for. Real Baileys against the emulated network, driven over HTTP only.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { samplePng } from "../fixtures/media-samples";
import { expectOk, request, uniqueName, type ApiResponse } from "../support/api-client";
import { startReceiver } from "./webhooks-support";
import { ALICE, BOB, type Tenant, jidOf, pairedSession, receivedBy, registerTenant, send, startSandboxGateway, waitFor, waitForReceived } from "./chat-support";

let gateway: TestServer;
let base: string;
let owner: Tenant;
let other: Tenant;
let staffUnassigned: Tenant;
let session: { id: string; sessionId: string; phone: string };
let imageServer: http.Server;
let imageUrl: string;

const api = (method: string, path: string, t: Tenant | null, json?: unknown): Promise<ApiResponse> =>
  request(method, path, { baseUrl: base, as: t ? { apiKey: t.key } : null, ...(json !== undefined ? { json } : {}) });

beforeAll(async () => {
  gateway = await startSandboxGateway();
  base = gateway.baseUrl;
  owner = await registerTenant(base);
  other = await registerTenant(base);
  session = await pairedSession(base, owner);
  const username = uniqueName("staff");
  const staff = expectOk(
    await request("POST", "/api/users", {
      baseUrl: base,
      as: { cookie: owner.cookie },
      json: { name: "Staff", email: `${username}@example.com`, username, password: "password-123" },
    }),
    "create staff",
    201,
  ).body;
  const login = expectOk(await request("POST", "/api/auth/login", { baseUrl: base, json: { username, password: "password-123" } }), "login");
  const cookie = login.headers.get("set-cookie")!.split(";")[0];
  staffUnassigned = { id: staff.id, cookie, key: expectOk(await request("POST", "/api/user/api-key", { baseUrl: base, as: { cookie } }), "key").body.apiKey };
  const png = await samplePng(64, 64);
  imageServer = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "image/png" }).end(png));
  await new Promise<void>((resolve) => imageServer.listen(0, "127.0.0.1", resolve));
  imageUrl = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}/story.png`;
});
afterAll(async () => {
  imageServer?.close();
  await gateway?.stop();
});

const statusesAt = async (phone: string) => (await receivedBy(base, owner, phone, session.sessionId)).filter((m) => m.chat === "status@broadcast");

describe("POST /api/status/update", () => {
  it("a text status with colour and font reaches the given contacts", async () => {
    const res = expectOk(
      await api("POST", "/api/status/update", owner, {
        sessionId: session.sessionId,
        type: "TEXT",
        content: "My text status!",
        backgroundColor: "0xff1e90ff",
        font: 2,
        recipients: [ALICE, jidOf(BOB)],
      }),
      "text status",
    );
    expect(res.body).toEqual({ success: true, messageId: expect.any(String), status: "PENDING", recipients: 2 });
    for (const phone of [ALICE, BOB]) {
      const got = await waitFor(`${phone} to see the status`, async () => (await statusesAt(phone)).find((m) => m.id === res.body.messageId));
      const ext = got.message.extendedTextMessage;
      expect(ext.text).toBe("My text status!");
      expect(ext.backgroundArgb).toBe(0xff1e90ff);
      expect(ext.font).toBeTruthy();
    }
  });

  it("an image status from a URL, and by default to every stored contact", async () => {
    // Alice writes first, so the session has her as a stored contact.
    expectOk(await api("POST", `/api/sandbox/contacts/${ALICE}/messages`, owner, { to: session.sessionId, text: "hi, store me" }), "alice writes");
    await waitFor("Alice stored as a contact", async () => {
      const contacts = (await api("POST", "/api/whatsapp/contacts", owner, { sessionId: session.sessionId })).body;
      return JSON.stringify(contacts ?? "").includes(ALICE);
    });
    const res = expectOk(
      await api("POST", "/api/status/update", owner, { sessionId: session.sessionId, type: "IMAGE", content: "Check this photo!", mediaUrl: imageUrl }),
      "image status",
    );
    expect(res.body.recipients).toBeGreaterThanOrEqual(1);
    const got = await waitFor("Alice to see the image status", async () => (await statusesAt(ALICE)).find((m) => m.id === res.body.messageId));
    expect(got.message.imageMessage.caption).toBe("Check this photo!");
    // The session's own status is listed too.
    const mine = expectOk(await api("GET", `/api/status?sessionId=${session.sessionId}&fromMe=true`, owner), "own statuses").body;
    expect(mine.map((s: { id: string }) => s.id)).toContain(res.body.messageId);
  });

  it("a contact's status is stored, listed and announced", async () => {
    const posted = expectOk(await api("POST", `/api/sandbox/contacts/${BOB}/status`, owner, { text: "Bob's day" }), "bob posts").body;
    const listed = await waitFor("Bob's status listed", async () => {
      const all = expectOk(await api("GET", `/api/status?sessionId=${session.sessionId}`, owner), "statuses").body;
      return all.find((s: { id: string }) => s.id === posted.messageId);
    });
    expect(listed).toMatchObject({ fromMe: false, from: jidOf(BOB), type: "TEXT", content: "Bob's day", sessionId: session.sessionId });
    const events = expectOk(await api("GET", `/api/sessions/${session.sessionId}/events`, owner), "events").body as Array<{ event: string; data: any }>;
    expect(events.find((e) => e.event === "status.update" && e.data.id === posted.messageId)?.data).toMatchObject({ text: "Bob's day", fromMe: false });
  });

  it("names the bad field, and is scoped like every send", async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ type: "TEXT" }, /content/],
      [{ type: "IMAGE", content: "x" }, /mediaUrl or mediaId/],
      [{ type: "TEXT", content: "x", font: 9 }, /font/],
      [{ type: "TEXT", content: "x", backgroundColor: "blue" }, /backgroundColor/],
      [{ type: "VIDEO", mediaUrl: "ftp://example.com/v.mp4" }, /mediaUrl/],
      [{ type: "TEXT", content: "x", recipients: ["120363000000000000@g.us"] }, /recipients\[0\]/],
    ];
    for (const [body, field] of cases) {
      const res = await api("POST", "/api/status/update", owner, { sessionId: session.sessionId, ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatch(field);
    }
    for (const who of [other, staffUnassigned]) {
      expect((await api("POST", "/api/status/update", who, { sessionId: session.sessionId, content: "x", recipients: [ALICE] })).status).toBe(404);
      expect((await api("GET", `/api/status?sessionId=${session.sessionId}`, who)).status).toBe(404);
    }
  });
});

describe("POST /api/chat/[sessionId]/[jid]/messages/[id]/[action]", () => {
  const action = (t: Tenant, id: string, name: string, body: Record<string, unknown> = {}, jid = jidOf(ALICE)) =>
    api("POST", `/api/chat/${session.sessionId}/${encodeURIComponent(jid)}/messages/${id}/${name}`, t, body);

  async function sentToAlice(text: string) {
    const res = expectOk(await send(base, owner, { sessionId: session.sessionId, jid: ALICE, message: { text } }), "send");
    await waitForReceived(base, owner, ALICE, res.body.messageId);
    return res.body.messageId as string;
  }

  it("react, edit and delete reach the contact as what they are", async () => {
    const id = await sentToAlice("act on me");
    const reacted = expectOk(await action(owner, id, "react", { emoji: "👍" }), "react").body;
    const reaction = await waitForReceived(base, owner, ALICE, reacted.messageId);
    expect(reaction.message.reactionMessage).toMatchObject({ text: "👍", key: { id } });

    const edited = expectOk(await action(owner, id, "edit", { text: "acted on" }), "edit").body;
    const edit = (await waitForReceived(base, owner, ALICE, edited.messageId)).message.protocolMessage;
    expect(edit.key.id).toBe(id);
    expect(edit.editedMessage.conversation ?? edit.editedMessage.extendedTextMessage?.text).toBe("acted on");

    const deleted = expectOk(await action(owner, id, "delete"), "delete").body;
    expect((await waitForReceived(base, owner, ALICE, deleted.messageId)).message.protocolMessage.key.id).toBe(id);
  });

  it("forwards a message (ours, or one a contact sent) to another chat", async () => {
    const id = await sentToAlice("pass it on");
    const forwarded = expectOk(await action(owner, id, "forward", { to: BOB }), "forward").body;
    expect((await waitForReceived(base, owner, BOB, forwarded.messageId)).text).toBe("pass it on");

    const fromAlice = expectOk(
      await api("POST", `/api/sandbox/contacts/${ALICE}/messages`, owner, { to: session.sessionId, text: "from alice, forward me" }),
      "alice",
    ).body.messageId;
    await waitFor("Alice's message stored", async () => {
      const res = await api("GET", `/api/chat/${session.sessionId}/${encodeURIComponent(jidOf(ALICE))}?limit=50`, owner);
      return res.body?.some?.((m: { keyId: string }) => m.keyId === fromAlice);
    });
    const again = expectOk(await action(owner, fromAlice, "forward", { to: jidOf(BOB) }), "forward hers").body;
    expect((await waitForReceived(base, owner, BOB, again.messageId)).text).toBe("from alice, forward me");
  });

  it("answers bad input with 4xx naming the field, and other tenants and unassigned staff with 404", async () => {
    const id = await sentToAlice("target");
    expect((await action(owner, id, "react")).body.error).toMatch(/emoji/);
    expect((await action(owner, id, "edit")).body.error).toMatch(/text/);
    expect((await action(owner, id, "forward")).body.error).toMatch(/to/);
    expect((await action(owner, id, "forward", { to: "not a number" })).status).toBe(400);
    expect((await action(owner, id, "pin")).status).toBe(400);
    expect((await action(owner, id, "react", { emoji: "👍", extra: 1 })).status).toBe(400);
    expect((await action(owner, "NOPE", "react", { emoji: "👍" })).status).toBe(404);
    expect((await action(owner, id, "react", { emoji: "👍" }, jidOf(BOB))).status).toBe(404); // not in that chat
    for (const who of [other, staffUnassigned]) {
      for (const name of ["react", "edit", "delete", "forward"]) {
        expect((await action(who, id, name, { emoji: "x", text: "x", to: BOB })).status, name).toBe(404);
      }
    }
  });
});

describe("a contact WhatsApp addresses by LID", () => {
  it("arrives with the phone number in the store, the webhook payload and the API, the LID beside it", async () => {
    const DAVE = "15550100006";
    expectOk(await api("POST", "/api/sandbox/contacts", owner, { phone: DAVE, name: "Dave by LID" }), "dave", 201);
    const dave = expectOk(await api("PUT", `/api/sandbox/contacts/${DAVE}/addressing`, owner, { lid: true }), "lid addressing").body;
    expect(dave.lid).toMatch(/@lid$/);
    const receiver = await startReceiver();
    try {
      const hookRes = await api("POST", "/api/webhooks", owner, { name: "LID", url: receiver.url, events: ["message"], sessionId: session.sessionId });
      expect([200, 201], JSON.stringify(hookRes.body)).toContain(hookRes.status);
      const sent = expectOk(
        await api("POST", `/api/sandbox/contacts/${DAVE}/messages`, owner, { to: session.sessionId, text: "from my LID" }),
        "dave writes",
      ).body;
      const [hook] = (await receiver.waitFor((r) => r.some((x) => x.body?.data?.id === sent.messageId), "Dave's message")).filter(
        (x) => x.body.data.id === sent.messageId,
      );
      expect(hook.body.data).toMatchObject({ remoteJid: jidOf(DAVE), remoteJidAlt: dave.lid, from: jidOf(DAVE), text: "from my LID" });
      const stored = await waitFor("Dave's message in the chat", async () => {
        const res = await api("GET", `/api/chat/${session.sessionId}/${encodeURIComponent(jidOf(DAVE))}?limit=20`, owner);
        return res.body?.find?.((m: { keyId: string }) => m.keyId === sent.messageId);
      });
      expect(stored).toMatchObject({ remoteJid: jidOf(DAVE), remoteLid: dave.lid, senderLid: null, content: "from my LID", fromMe: false });
      // The same chat asked for by LID is the phone-number chat.
      const chats = expectOk(await api("GET", `/api/chat/${session.sessionId}`, owner), "chats").body as Array<{ jid: string }>;
      expect(chats.map((c) => c.jid)).toContain(jidOf(DAVE));
      expect(chats.map((c) => c.jid)).not.toContain(dave.lid);
    } finally {
      await receiver.close();
    }
  });
});
