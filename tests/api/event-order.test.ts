// Issue 17: the events of a session reach every consumer in the order WhatsApp delivered the
// messages that caused them — each webhook, the Socket.io stream, GET /api/sessions/{id}/events and
// the chat's message list — and carry `seq`, which only grows. Bursts of mixed kinds (text, image,
// document, reaction, edit) from two contacts that write for the first time (the path on which
// Baileys used to reorder: a new contact's first message waits for its LID mapping to be stored),
// several bursts per run.
// Issue 15, first bug: a contact's quick answer is listed after the message it answers, although
// WhatsApp stamps it with whole seconds and ours carry milliseconds.
import { io as connectSocket, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request } from "../support/api-client";
import { chatMessages, jidOf, pairedSession, registerTenant, send, startSandboxGateway, type Tenant, waitForReceived } from "../support/sandbox";
import { waitFor } from "../support/wait";
import { type Receiver, startReceiver } from "../support/webhook-receiver";

const BURSTS = 4;
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").toString("base64");

let gateway: TestServer;
let base: string;
let tenant: Tenant;
let session: { id: string; sessionId: string; phone: string };
let hook: Receiver;
let socket: Socket;
const socketEvents: Array<{ event: string; payload: Record<string, any> }> = [];

beforeAll(async () => {
  gateway = await startSandboxGateway({ WEBHOOK_RETRY_BASE_MS: "150", WEBHOOK_CONCURRENCY: "4" });
  base = gateway.baseUrl;
  tenant = await registerTenant(base);
  session = await pairedSession(base, tenant);
  hook = await startReceiver();
  expectOk(
    await request("POST", "/api/webhooks", { baseUrl: base, as: { apiKey: tenant.key }, json: { name: "Order", url: hook.url, events: ["*"] } }),
    "webhook",
  );
  socket = await new Promise<Socket>((resolve, reject) => {
    const s = connectSocket(base, { auth: { apiKey: tenant.key }, transports: ["websocket"], reconnection: false });
    s.once("connect", () => resolve(s));
    s.once("connect_error", reject);
  });
  await new Promise((resolve) => socket.emit("join-session", { sessionId: session.sessionId }, resolve));
  socket.onAny((event: string, payload: Record<string, any>) => socketEvents.push({ event, payload }));
});

afterAll(async () => {
  socket?.close();
  await hook?.close();
  await gateway?.stop();
});

let phoneCounter = 0;
/** A contact that has never written to the session. */
async function newContact(name: string): Promise<string> {
  const phone = `1555${String(process.pid % 1000).padStart(3, "0")}${String(Date.now() % 10_000).padStart(4, "0")}${phoneCounter++}`.slice(0, 15);
  expectOk(await request("POST", "/api/sandbox/contacts", { baseUrl: base, as: { apiKey: tenant.key }, json: { phone, name } }), "create contact", 201);
  return phone;
}

async function contactSends(contact: string, content: Record<string, unknown>): Promise<string> {
  const res = expectOk(
    await request("POST", `/api/sandbox/contacts/${contact}/messages`, {
      baseUrl: base,
      as: { apiKey: tenant.key },
      json: { to: session.sessionId, ...content },
    }),
    `${contact} sends ${JSON.stringify(content).slice(0, 60)}`,
  );
  return res.body.messageId as string;
}

/**
 * What a consumer saw, as tokens: the text or caption of a message, `react:<text>`, `edit:<text>`.
 * Internal names (socket, events API) and seed 001's (webhooks) alike; other events are left out.
 */
function token(event: string, data: Record<string, any>): string | null {
  if ((event === "message" || event === "message.received") && data.fromMe === false) return String(data.text);
  if (event === "message.reaction") return `react:${data.reaction}`;
  if ((event === "message.update" || event === "message.status") && data.edited === true) return `edit:${data.text}`;
  return null;
}

const tokensOf = (items: Array<{ event: string; data: Record<string, any> }>, prefix: string) =>
  items.map((i) => token(i.event, i.data)).filter((t): t is string => t !== null && t.replace(/^(react|edit):/, "").startsWith(prefix));

function expectIncreasing(seqs: number[], where: string) {
  for (let i = 1; i < seqs.length; i++) expect(seqs[i], `${where}: seq ${seqs[i]} after ${seqs[i - 1]}`).toBeGreaterThan(seqs[i - 1]);
}

describe("the order of a session's events", () => {
  it(`is the order WhatsApp delivered them, at the webhook, on the socket, in the events API and in the chats (${BURSTS} bursts)`, async () => {
    for (let burst = 1; burst <= BURSTS; burst++) {
      const p = `b${burst}-${Date.now().toString(36)}`;
      const a = await newContact(`Ann ${burst}`);
      const b = await newContact(`Ben ${burst}`);
      const expected: string[] = [];
      const sent = async (contact: string, content: Record<string, unknown>, expect: string) => {
        const id = await contactSends(contact, content);
        expected.push(expect);
        return id;
      };
      // As fast as the sandbox API answers, each send once the previous one has left the phone.
      const a1 = await sent(a, { text: `${p}-a1` }, `${p}-a1`);
      const b1 = await sent(b, { image: PNG, mimetype: "image/png", caption: `${p}-b1` }, `${p}-b1`);
      await sent(a, { document: PDF, mimetype: "application/pdf", fileName: "x.pdf", caption: `${p}-a2` }, `${p}-a2`);
      const b2 = await sent(b, { text: `${p}-b2` }, `${p}-b2`);
      await sent(a, { react: { id: a1, text: `${p}-ra` } }, `react:${p}-ra`);
      await sent(b, { edit: { id: b2, text: `${p}-b2-edited` } }, `edit:${p}-b2-edited`);
      await sent(a, { text: `${p}-a3` }, `${p}-a3`);
      await sent(b, { react: { id: b1, text: `${p}-rb` } }, `react:${p}-rb`);
      await sent(a, { edit: { id: a1, text: `${p}-a1-edited` } }, `edit:${p}-a1-edited`);
      await sent(b, { document: PDF, mimetype: "application/pdf", fileName: "y.pdf", caption: `${p}-b3` }, `${p}-b3`);

      // The webhook: every delivery once, in order, each carrying a larger seq than the one before.
      const received = await hook.waitFor(
        (r) =>
          tokensOf(
            r.map((x) => x.body),
            p,
          ).length >= expected.length,
        `burst ${burst} at the webhook`,
      );
      expect(
        tokensOf(
          received.map((x) => x.body),
          p,
        ),
        `burst ${burst} at the webhook`,
      ).toEqual(expected);
      expectIncreasing(
        received.map((x) => (x.body as unknown as { seq: number }).seq),
        "webhook",
      );
      expect(received.every((x) => x.headers["x-webhook-sequence"] === String((x.body as unknown as { seq: number }).seq))).toBe(true);

      // The socket stream.
      await waitFor(
        `burst ${burst} on the socket`,
        async () =>
          tokensOf(
            socketEvents.map((e) => ({ event: e.event, data: e.payload })),
            p,
          ).length >= expected.length,
      );
      expect(
        tokensOf(
          socketEvents.map((e) => ({ event: e.event, data: e.payload })),
          p,
        ),
        `burst ${burst} on the socket`,
      ).toEqual(expected);
      expectIncreasing(
        socketEvents.filter((e) => typeof e.payload?.seq === "number").map((e) => e.payload.seq),
        "socket",
      );

      // The events API (newest first).
      const logged = expectOk(await request("GET", `/api/sessions/${session.sessionId}/events`, { baseUrl: base, as: { apiKey: tenant.key } }), "events")
        .body as Array<{
        seq: number;
        event: string;
        data: Record<string, any>;
      }>;
      const oldestFirst = [...logged].reverse();
      expect(tokensOf(oldestFirst, p), `burst ${burst} in the events API`).toEqual(expected);
      expectIncreasing(
        oldestFirst.map((e) => e.seq),
        "events API",
      );

      // The chats, oldest first: the edits applied, the reactions in their place.
      const chatOf = async (phone: string) => {
        const res = expectOk(await chatMessages(base, tenant, session.sessionId, jidOf(phone), "?limit=200"), "chat");
        return (res.body as Array<{ content: string | null }>).map((m) => m.content).reverse();
      };
      expect(await chatOf(a), `burst ${burst}: Ann's chat`).toEqual([`${p}-a1-edited`, `${p}-a2`, `${p}-ra`, `${p}-a3`]);
      expect(await chatOf(b), `burst ${burst}: Ben's chat`).toEqual([`${p}-b1`, `${p}-b2-edited`, `${p}-rb`, `${p}-b3`]);
    }
  });

  it("lists a contact's quick answer after the message it answers (issue 15)", async () => {
    const carol = await newContact("Carol");
    const expected: string[] = [];
    for (let round = 1; round <= 5; round++) {
      const question = `question ${round}`;
      const res = expectOk(await send(base, tenant, { sessionId: session.sessionId, jid: carol, message: { text: question } }), "send");
      // Carol answers the moment her phone has it: within the same second, most of the time.
      await waitForReceived(base, tenant, carol, res.body.messageId as string);
      await contactSends(carol, { text: `answer ${round}` });
      expected.push(question, `answer ${round}`);
    }
    const listed = await waitFor("both sides of every round in the chat", async () => {
      const res = expectOk(await chatMessages(base, tenant, session.sessionId, jidOf(carol), "?limit=50"), "chat");
      const oldestFirst = (res.body as Array<{ content: string | null }>).map((m) => m.content).reverse();
      return oldestFirst.length >= expected.length && oldestFirst;
    });
    expect(listed).toEqual(expected);
    // The pages of the list follow the same order.
    const firstPage = expectOk(await chatMessages(base, tenant, session.sessionId, jidOf(carol), "?limit=3"), "page 1");
    const cursor = firstPage.headers.get("x-next-cursor");
    expect(cursor, "a next page").toBeTruthy();
    const secondPage = expectOk(await chatMessages(base, tenant, session.sessionId, jidOf(carol), `?limit=3&cursor=${encodeURIComponent(cursor!)}`), "page 2");
    expect([...(firstPage.body as Array<{ content: string }>), ...(secondPage.body as Array<{ content: string }>)].map((m) => m.content)).toEqual(
      [...expected].reverse().slice(0, 6),
    );
  });
});
