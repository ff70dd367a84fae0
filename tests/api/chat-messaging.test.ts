// Issue 5, sending and reading through the whole gateway: every message kind POST /api/chat/send
// accepts reaches an emulated contact as the right WhatsApp message; what a contact sends lands in
// the store and in GET /api/chat/[sessionId]/[jid]; receipts move a sent message to DELIVERED and READ.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { type ApiResponse, expectOk, request } from "../support/api-client";
import {
  ALICE,
  BOB,
  ECHO_BOT,
  type PairedSession,
  type Tenant,
  chatMessages,
  jidOf,
  pairedSession,
  receivedBy,
  registerTenant,
  send,
  startSandboxGateway,
  storedMessage,
  waitForReceived,
} from "../support/sandbox";
import { waitFor } from "../support/wait";

let gateway: TestServer;
let base: string;
let tenant: Tenant;
let session: PairedSession;

beforeAll(async () => {
  gateway = await startSandboxGateway();
  base = gateway.baseUrl;
  tenant = await registerTenant(base);
  session = await pairedSession(base, tenant);
});
afterAll(async () => {
  await gateway?.stop();
});

/** Sends one message to Alice and waits until her phone has it. */
async function sendToAlice(message: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const res = expectOk(await send(base, tenant, { sessionId: session.sessionId, jid: ALICE, message, ...extra }), `send ${JSON.stringify(message)}`);
  expect(res.body).toEqual({ success: true, messageId: expect.any(String), status: "PENDING" });
  const received = await waitForReceived(base, tenant, ALICE, res.body.messageId);
  return { messageId: res.body.messageId as string, received };
}

describe("POST /api/chat/send: each kind arrives as the right WhatsApp message", () => {
  it("text", async () => {
    const { messageId, received } = await sendToAlice({ text: "Hello from the API" });
    expect(received.text).toBe("Hello from the API");
    expect(received.fromSession).toBe(session.sessionId);
    expect(received.chat).toBe(jidOf(session.phone)); // the chat as Alice's phone sees it
    const stored = await waitFor("SENT or later", async () => {
      const m = await storedMessage(base, tenant, session.sessionId, jidOf(ALICE), messageId);
      return m && m.status !== "PENDING" && m;
    });
    expect(stored).toMatchObject({ fromMe: true, type: "TEXT", content: "Hello from the API", remoteJid: jidOf(ALICE), sessionId: session.id });
  });

  it("extended text quoting an earlier message (replyTo)", async () => {
    const first = await sendToAlice({ text: "the original" });
    const { received } = await sendToAlice({ text: "a reply" }, { replyTo: first.messageId });
    expect(received.kinds).toContain("extendedTextMessage");
    const ext = received.message.extendedTextMessage;
    expect(ext.text).toBe("a reply");
    expect(ext.contextInfo.stanzaId).toBe(first.messageId);
    expect(ext.contextInfo.quotedMessage?.conversation ?? ext.contextInfo.quotedMessage?.extendedTextMessage?.text).toBe("the original");
  });

  it("location", async () => {
    const { received } = await sendToAlice({ location: { degreesLatitude: -6.2088, degreesLongitude: 106.8456, name: "Jakarta" } });
    expect(received.message.locationMessage).toMatchObject({ degreesLatitude: -6.2088, degreesLongitude: 106.8456, name: "Jakarta" });
  });

  it("contact card, from a vCard and from { name, phone }", async () => {
    const vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Jane Roe\nTEL;type=CELL;waid=15550109999:+1 555 010 9999\nEND:VCARD";
    const one = await sendToAlice({ contacts: { displayName: "Jane Roe", contacts: [{ vcard }] } });
    expect(one.received.message.contactMessage).toMatchObject({ displayName: "Jane Roe", vcard });
    const two = await sendToAlice({ contact: { name: "John Doe", phone: "+1 (555) 010-8888" } });
    expect(two.received.message.contactMessage.displayName).toBe("John Doe");
    expect(two.received.message.contactMessage.vcard).toContain("FN:John Doe");
    expect(two.received.message.contactMessage.vcard).toContain("waid=15550108888:+15550108888");
  });

  it("poll", async () => {
    const { messageId, received } = await sendToAlice({ poll: { name: "Lunch?", values: ["Pizza", "Sushi", "Salad"], selectableCount: 1 } });
    const poll = received.message.pollCreationMessage ?? received.message.pollCreationMessageV2 ?? received.message.pollCreationMessageV3;
    expect(poll.name).toBe("Lunch?");
    expect(poll.options.map((o: { optionName: string }) => o.optionName)).toEqual(["Pizza", "Sushi", "Salad"]);
    expect(poll.selectableOptionsCount).toBe(1);
    const stored = await storedMessage(base, tenant, session.sessionId, jidOf(ALICE), messageId);
    expect(stored).toMatchObject({ type: "POLL", content: "Lunch?" });
  });

  it("reaction, to a message id from the store", async () => {
    const target = await sendToAlice({ text: "react to me" });
    const { received } = await sendToAlice({ react: { key: target.messageId, text: "👍" } });
    expect(received.message.reactionMessage.text).toBe("👍");
    expect(received.message.reactionMessage.key).toMatchObject({ id: target.messageId, remoteJid: jidOf(ALICE), fromMe: true });
  });

  it("edit of an own message", async () => {
    const target = await sendToAlice({ text: "helo" });
    const { received } = await sendToAlice({ edit: target.messageId, text: "hello" });
    const protocol = received.message.protocolMessage;
    expect(protocol.key.id).toBe(target.messageId);
    expect(protocol.editedMessage.conversation ?? protocol.editedMessage.extendedTextMessage?.text).toBe("hello");
    // The store shows the new text; the edit itself is not a chat line.
    await waitFor("edited content", async () => (await storedMessage(base, tenant, session.sessionId, jidOf(ALICE), target.messageId))?.content === "hello");
    const lines = expectOk(await chatMessages(base, tenant, session.sessionId, jidOf(ALICE), "?limit=200"), "lines").body;
    expect(lines.some((m: { type: string }) => m.type === "OTHER")).toBe(false);
  });

  it("delete for everyone", async () => {
    const target = await sendToAlice({ text: "oops, wrong chat" });
    const { received } = await sendToAlice({ delete: target.messageId });
    expect(received.message.protocolMessage.key.id).toBe(target.messageId);
    expect(["REVOKE", 0]).toContain(received.message.protocolMessage.type ?? 0);
    await waitFor("revokedAt", async () => (await storedMessage(base, tenant, session.sessionId, jidOf(ALICE), target.messageId))?.revokedAt);
  });

  it("typingTime shows typing first and still delivers", async () => {
    const { received } = await sendToAlice({ text: "after some typing" }, { typingTime: 300 });
    expect(received.text).toBe("after some typing");
  });

  it("to a local number written with the default country code (Ultimate WhatsApp Gateway's 0… rule)", async () => {
    const res = expectOk(await send(base, tenant, { sessionId: session.sessionId, jid: "0 (555) 010-0003", message: { text: "local form" } }), "send");
    const received = await waitForReceived(base, tenant, BOB, res.body.messageId);
    expect(received.text).toBe("local form");
  });

  it("refuses what cannot be sent, naming the field", async () => {
    const cases: Array<[unknown, number, string]> = [
      [{ sessionId: session.sessionId, jid: "12", message: { text: "x" } }, 400, "jid: '12' is not a valid phone number or WhatsApp ID"],
      [{ sessionId: session.sessionId, jid: ALICE, message: {} }, 400, "message: must contain one of"],
      [
        { sessionId: session.sessionId, jid: ALICE, message: { text: "a", location: { degreesLatitude: 1, degreesLongitude: 2 } } },
        400,
        "message: has both text and location",
      ],
      [
        { sessionId: session.sessionId, jid: ALICE, message: { poll: { name: "q", values: ["only one"] } } },
        400,
        "message.poll.values: must have at least 2 options",
      ],
      [{ sessionId: session.sessionId, jid: ALICE, message: { text: "x", caption: "y" } }, 400, "message.caption: only goes with image, video or document"],
      [{ sessionId: session.sessionId, jid: ALICE, message: { edit: "NOPE" } }, 400, "message.text: is required with edit"],
      [{ sessionId: session.sessionId, jid: ALICE, message: { edit: "NOPE", text: "x" } }, 404, "message.edit: message 'NOPE' not found"],
      [{ sessionId: session.sessionId, jid: ALICE, message: { react: { key: "NOPE", text: "x" } } }, 404, "message.react.key: message 'NOPE' not found"],
      [{ sessionId: session.sessionId, jid: ALICE, message: { text: "x" }, replyTo: "NOPE" }, 404, "replyTo: message 'NOPE' not found"],
      [{ sessionId: "no-such-session", jid: ALICE, message: { text: "x" } }, 404, "Session not found"],
    ];
    for (const [body, status, error] of cases) {
      const res = await send(base, tenant, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error, JSON.stringify(body)).toContain(error);
    }
  });
});

describe("receipts", () => {
  // The emulated contacts send a delivery receipt and then a read receipt at once; Baileys merges
  // updates of one message that arrive in the same event batch, so DELIVERED is often overtaken by
  // READ before it is stored. What must hold: both receipts were sent, the message ends READ, and
  // its announced statuses only ever move forward.
  it("move a sent message to DELIVERED and READ, never backwards", async () => {
    const { messageId, received } = await sendToAlice({ text: "read me" });
    const stored = await waitFor("READ", async () => {
      const m = await storedMessage(base, tenant, session.sessionId, jidOf(ALICE), messageId);
      return m?.status === "READ" && m;
    });
    expect(stored.status).toBe("READ");
    expect((await waitForReceived(base, tenant, ALICE, received.id)).receiptsSent).toEqual(["delivery", "read"]);
    const log = expectOk(await request("GET", `/api/sessions/${session.sessionId}/events`, { baseUrl: base, as: { apiKey: tenant.key } }), "events").body;
    const statuses: string[] = log
      .filter((e: { event: string; data: { id?: string } }) => e.event === "message.update" && e.data.id === messageId)
      .map((e: { data: { status: string } }) => e.data.status)
      .reverse();
    const ORDER = ["PENDING", "SENT", "DELIVERED", "READ"];
    expect(statuses.at(-1)).toBe("READ");
    expect(statuses.map((s) => ORDER.indexOf(s))).toEqual([...statuses.map((s) => ORDER.indexOf(s))].sort());
  });
});

describe("what a contact sends lands in the store and the API", () => {
  const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex").toString("base64");
  const kinds: Array<[string, Record<string, unknown>, string, string | null]> = [
    ["text", { text: "hi gateway" }, "TEXT", "hi gateway"],
    ["image", { image: PNG, mimetype: "image/png", caption: "a picture" }, "IMAGE", "a picture"],
    ["video", { video: PNG, mimetype: "video/mp4", caption: "a clip" }, "VIDEO", "a clip"],
    ["audio", { audio: PNG, ptt: true }, "AUDIO", null],
    ["document", { document: PNG, mimetype: "application/pdf", fileName: "report.pdf" }, "DOCUMENT", "report.pdf"],
    ["sticker", { sticker: PNG }, "STICKER", null],
    ["location", { location: { degreesLatitude: 52.52, degreesLongitude: 13.405, name: "Berlin" } }, "LOCATION", "Berlin 52.52,13.405"],
  ];

  it.each(kinds)("%s", async (_kind, content, type, text) => {
    const sent = expectOk(
      await request("POST", `/api/sandbox/contacts/${BOB}/messages`, {
        baseUrl: base,
        as: { apiKey: tenant.key },
        json: { to: session.sessionId, ...content },
      }),
      "contact sends",
    ).body;
    const stored = await waitFor("stored", () => storedMessage(base, tenant, session.sessionId, jidOf(BOB), sent.messageId));
    expect(stored).toMatchObject({ fromMe: false, type, content: text, remoteJid: jidOf(BOB), keyId: sent.messageId, status: "DELIVERED" });
  });

  it("lists the chats newest first with their last message and unread count, filtered by type", async () => {
    const chats = expectOk(await request("GET", `/api/chat/${session.sessionId}`, { baseUrl: base, as: { apiKey: tenant.key } }), "chats").body;
    const bob = chats.find((c: { jid: string }) => c.jid === jidOf(BOB));
    expect(bob).toMatchObject({ jid: jidOf(BOB), isGroup: false, notify: "Bob Example", name: "Bob Example" });
    expect(bob.unreadCount).toBeGreaterThan(0);
    expect(bob.lastMessage).toMatchObject({ type: expect.any(String), timestamp: expect.any(String) });
    // Newest first by when the last message reached the gateway (issue 15). WhatsApp stamps what
    // contacts send with whole seconds and ours carry milliseconds, so the stamps agree with that
    // order to the second (a contact's answer within the same second may be stamped earlier).
    const seconds = chats.map((c: { lastMessage: { timestamp: string } | null }) => Math.floor(Date.parse(c.lastMessage?.timestamp ?? "1970-01-01") / 1000));
    expect([...seconds].sort((a, b) => b - a)).toEqual(seconds);
    const groups = expectOk(await request("GET", `/api/chat/${session.sessionId}?type=group`, { baseUrl: base, as: { apiKey: tenant.key } }), "groups").body;
    expect(groups).toEqual([]);
  });

  it("pages a chat's messages newest first with X-Next-Cursor", async () => {
    const all = expectOk(await chatMessages(base, tenant, session.sessionId, jidOf(BOB), "?limit=200"), "all").body;
    expect(all.length).toBeGreaterThanOrEqual(kinds.length);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: ApiResponse<any[]> = expectOk(
        await chatMessages(base, tenant, session.sessionId, jidOf(BOB), `?limit=3${cursor ? `&cursor=${cursor}` : ""}`),
        "page",
      );
      expect(res.body.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.map((m: { id: string }) => m.id));
      cursor = res.headers.get("x-next-cursor");
    } while (cursor);
    expect(seen).toEqual(all.map((m: { id: string }) => m.id));
    // Newest first in the order the messages reached the gateway (issue 15). WhatsApp stamps what
    // contacts send with whole seconds and ours carry milliseconds, so the stamps agree with that
    // order to the second.
    const seconds = all.map((m: { timestamp: string }) => Math.floor(Date.parse(m.timestamp) / 1000));
    expect([...seconds].sort((a, b) => b - a)).toEqual(seconds);
    // The phone-number form of the chat works too.
    expect(expectOk(await chatMessages(base, tenant, session.sessionId, `+${BOB}`, "?limit=200"), "by phone").body.length).toBe(all.length);
    expect((await chatMessages(base, tenant, session.sessionId, jidOf(BOB), "?cursor=garbage")).status).toBe(400);
  });

  it("the echo bot's answer comes back in as an incoming message", async () => {
    const res = expectOk(await send(base, tenant, { sessionId: session.sessionId, jid: ECHO_BOT, message: { text: "echo this" } }), "send");
    await waitForReceived(base, tenant, ECHO_BOT, res.body.messageId);
    const lines = await waitFor("echo", async () => {
      const body = expectOk(await chatMessages(base, tenant, session.sessionId, jidOf(ECHO_BOT)), "echo chat").body;
      return body.length >= 2 && body;
    });
    expect(lines.map((m: { fromMe: boolean; content: string }) => [m.fromMe, m.content])).toEqual(
      expect.arrayContaining([
        [true, "echo this"],
        [false, "echo this"],
      ]),
    );
    expect(await receivedBy(base, tenant, ECHO_BOT, session.sessionId)).toHaveLength(1);
  });
});
