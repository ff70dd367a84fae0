// Issue 5, Chatery compatibility: its messaging, chat-history and contact endpoints under
// /api/whatsapp with its bodies and its { success, message, data } envelope, as adapters over the
// same operations — so each adapter is checked for what the contact receives or the store holds.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request } from "../support/api-client";
import {
  ALICE,
  BOB,
  type PairedSession,
  type Tenant,
  jidOf,
  pairedSession,
  registerTenant,
  startSandboxGateway,
  storedMessage,
  waitForReceived,
} from "../support/sandbox";
import { waitFor } from "../support/wait";

let gateway: TestServer;
let base: string;
let tenant: Tenant;
let session: PairedSession;
let files: Server;
let filesUrl: string;

beforeAll(async () => {
  // Media by URL: a tiny file server on loopback (the gateway runs with ALLOW_PRIVATE_NETWORK_URLS).
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#3366ff" } })
    .png()
    .toBuffer();
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  files = createServer((req, res) => {
    const body = req.url === "/picture.png" ? png : req.url === "/report.pdf" ? pdf : null;
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": req.url!.endsWith(".png") ? "image/png" : "application/pdf", "Content-Length": body.length }).end(body);
  });
  await new Promise<void>((resolve) => files.listen(0, "127.0.0.1", resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  gateway = await startSandboxGateway();
  base = gateway.baseUrl;
  tenant = await registerTenant(base);
  session = await pairedSession(base, tenant);
});
afterAll(async () => {
  await gateway?.stop();
  files?.close();
});

const call = (path: string, json: unknown, as: Tenant | null = tenant) =>
  request("POST", `/api/whatsapp${path}`, { baseUrl: base, as: as ? { apiKey: as.key } : null, json });

/** Sends through a Chatery endpoint and returns what Alice's phone received. */
async function sendVia(path: string, body: Record<string, unknown>) {
  const res = expectOk(await call(path, { sessionId: session.sessionId, chatId: ALICE, ...body }), path);
  expect(res.body).toEqual({
    success: true,
    message: "Message queued for sending",
    data: { messageId: expect.any(String), chatId: jidOf(ALICE), status: "PENDING" },
  });
  return waitForReceived(base, tenant, ALICE, res.body.data.messageId, 30_000);
}

describe("Chatery sends", () => {
  it("send-text (with typingTime and replyTo)", async () => {
    const first = await sendVia("/chats/send-text", { message: "Hello, World!", typingTime: 200 });
    expect(first.text).toBe("Hello, World!");
    const reply = await sendVia("/chats/send-text", { message: "replying", replyTo: first.id });
    expect(reply.message.extendedTextMessage.contextInfo.stanzaId).toBe(first.id);
  });

  it("send-image from a URL", async () => {
    const got = await sendVia("/chats/send-image", { imageUrl: `${filesUrl}/picture.png`, caption: "Check this out!", replyTo: null });
    expect(got.message.imageMessage).toMatchObject({ caption: "Check this out!", mimetype: "image/png" });
  });

  it("send-document from a URL", async () => {
    const got = await sendVia("/chats/send-document", { documentUrl: `${filesUrl}/report.pdf`, filename: "document.pdf", mimetype: "application/pdf" });
    expect(got.message.documentMessage ?? got.message.documentWithCaptionMessage?.message?.documentMessage).toMatchObject({
      fileName: "document.pdf",
      mimetype: "application/pdf",
    });
  });

  it("send-location", async () => {
    const got = await sendVia("/chats/send-location", { latitude: -6.2088, longitude: 106.8456, name: "Jakarta, Indonesia" });
    expect(got.message.locationMessage).toMatchObject({ degreesLatitude: -6.2088, degreesLongitude: 106.8456, name: "Jakarta, Indonesia" });
  });

  it("send-contact", async () => {
    const got = await sendVia("/chats/send-contact", { contactName: "John Doe", contactPhone: "628987654321" });
    expect(got.message.contactMessage.displayName).toBe("John Doe");
    expect(got.message.contactMessage.vcard).toContain("waid=628987654321:+628987654321");
  });

  it("send-poll", async () => {
    const got = await sendVia("/chats/send-poll", {
      question: "What is your favorite color?",
      options: ["Red", "Blue", "Green", "Yellow"],
      selectableCount: 1,
    });
    const poll = got.message.pollCreationMessage ?? got.message.pollCreationMessageV2 ?? got.message.pollCreationMessageV3;
    expect(poll.name).toBe("What is your favorite color?");
    expect(poll.options.map((o: { optionName: string }) => o.optionName)).toEqual(["Red", "Blue", "Green", "Yellow"]);
  });

  it("send-button: a text listing the buttons as numbered lines, then the footer", async () => {
    const got = await sendVia("/chats/send-button", {
      text: "Please choose an option:",
      footer: "Powered by Chatery",
      buttons: ["Option 1", "Option 2", "Option 3"],
    });
    expect(got.text).toBe("Please choose an option:\n\n1. Option 1\n2. Option 2\n3. Option 3\n\nPowered by Chatery");
  });

  it("errors keep Chatery's envelope and carry our error field", async () => {
    const bad = await call("/chats/send-text", { sessionId: session.sessionId, chatId: "12", message: "x" });
    expect(bad.status).toBe(400);
    const text = "chatId: '12' is not a valid phone number or WhatsApp ID";
    expect(bad.body).toEqual({ success: false, message: text, error: text });
    const missing = await call("/chats/send-text", { sessionId: session.sessionId, chatId: ALICE });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ success: false, message: expect.stringMatching(/^message: /) });
    const unknown = await call("/chats/send-text", { sessionId: "no-such-session", chatId: ALICE, message: "x" });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ success: false, message: "Session not found", error: "Session not found" });
    const anonymous = await call("/chats/send-text", { sessionId: session.sessionId, chatId: ALICE, message: "x" }, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ success: false, error: expect.any(String) });
  });
});

describe("Chatery chat operations", () => {
  it("presence, check-number and profile-picture", async () => {
    expect(expectOk(await call("/chats/presence", { sessionId: session.sessionId, chatId: ALICE, presence: "composing" }), "presence").body).toEqual({
      success: true,
      message: "Presence updated",
      data: { chatId: jidOf(ALICE), presence: "composing" },
    });
    expect(expectOk(await call("/chats/check-number", { sessionId: session.sessionId, phone: BOB }), "check").body.data).toEqual({
      phone: BOB,
      exists: true,
      jid: jidOf(BOB),
    });
    expect(expectOk(await call("/chats/check-number", { sessionId: session.sessionId, phone: "15559990001" }), "check").body.data).toEqual({
      phone: "15559990001",
      exists: false,
      jid: null,
    });
    expect(expectOk(await call("/chats/profile-picture", { sessionId: session.sessionId, phone: BOB }), "picture").body.data).toEqual({
      phone: BOB,
      jid: jidOf(BOB),
      url: null,
    });
  });

  it("overview, contacts, messages, info and mark-read over what Bob sent", async () => {
    const ids: string[] = [];
    for (const text of ["first from Bob", "second from Bob", "third from Bob"]) {
      ids.push(
        expectOk(
          await request("POST", `/api/sandbox/contacts/${BOB}/messages`, { baseUrl: base, as: { apiKey: tenant.key }, json: { to: session.sessionId, text } }),
          "bob",
        ).body.messageId,
      );
    }
    for (const id of ids) await waitFor("stored", () => storedMessage(base, tenant, session.sessionId, jidOf(BOB), id));

    const overview = expectOk(await call("/chats/overview", { sessionId: session.sessionId, limit: 50, offset: 0, type: "personal" }), "overview").body;
    expect(overview).toMatchObject({ success: true, message: "Chats retrieved" });
    expect(overview.data.find((c: { jid: string }) => c.jid === jidOf(BOB))).toMatchObject({
      name: "Bob Example",
      lastMessage: { content: "third from Bob", type: "TEXT" },
    });
    expect(expectOk(await call("/chats/overview", { sessionId: session.sessionId, type: "group" }), "groups").body.data).toEqual([]);

    const contacts = expectOk(await call("/contacts", { sessionId: session.sessionId, limit: 100, offset: 0, search: "bob" }), "contacts").body.data;
    expect(contacts.contacts).toEqual([expect.objectContaining({ jid: jidOf(BOB), notify: "Bob Example" })]);
    expect(contacts.total).toBe(1);

    const page1 = expectOk(await call("/chats/messages", { sessionId: session.sessionId, chatId: `${BOB}@s.whatsapp.net`, limit: 2, cursor: null }), "messages")
      .body.data;
    expect(page1.messages.map((m: { content: string }) => m.content)).toEqual(["third from Bob", "second from Bob"]);
    expect(page1.hasMore).toBe(true);
    const page2 = expectOk(await call("/chats/messages", { sessionId: session.sessionId, chatId: BOB, limit: 2, cursor: page1.nextCursor }), "page 2").body
      .data;
    expect(page2.messages.map((m: { content: string }) => m.content)).toEqual(["first from Bob"]);
    expect(page2).toMatchObject({ hasMore: false, nextCursor: null, chatId: jidOf(BOB) });

    const info = expectOk(await call("/chats/info", { sessionId: session.sessionId, chatId: BOB }), "info").body.data;
    expect(info).toMatchObject({ jid: jidOf(BOB), isGroup: false, name: "Bob Example", messageCount: 3 });
    expect(info.unreadCount).toBeGreaterThan(0);
    expect((await call("/chats/info", { sessionId: session.sessionId, chatId: "15559990002" })).body).toEqual({
      success: false,
      message: "Chat not found",
      error: "Chat not found",
    });

    expect(expectOk(await call("/chats/mark-read", { sessionId: session.sessionId, chatId: BOB }), "mark read").body).toEqual({
      success: true,
      message: "Chat marked as read",
      data: { chatId: jidOf(BOB), isGroup: false, markedCount: 3 },
    });
    expect(expectOk(await call("/chats/info", { sessionId: session.sessionId, chatId: BOB }), "info").body.data.unreadCount).toBe(0);
  });

  it("another tenant's session is not found", async () => {
    const other = await registerTenant(base);
    for (const [path, body] of [
      ["/chats/send-text", { chatId: ALICE, message: "x" }],
      ["/chats/overview", {}],
      ["/contacts", {}],
      ["/chats/messages", { chatId: ALICE }],
      ["/chats/mark-read", { chatId: ALICE }],
    ] as const) {
      const res = await call(path, { sessionId: session.sessionId, ...body }, other);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toEqual({ success: false, message: "Session not found", error: "Session not found" });
    }
  });
});
