// Shared by the webhook tests and the webhook benchmark: a webhook receiver on loopback that records
// what it gets and answers as told, and a tenant with a session paired on a sandbox gateway.
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import { expectOk, request, uniqueName } from "../support/api-client";

export interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { id: string; event: string; sessionId: string; timestamp: string; metadata: Record<string, unknown>; data: Record<string, any> };
  at: number;
}

export interface Answer {
  status?: number;
  body?: string;
  contentType?: string;
  /** Keep the request open until this resolves (a slow or hanging receiver). */
  hold?: Promise<void>;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** How the next requests are answered (default 200 "ok"). */
  answer: (req: Received) => Answer | Promise<Answer>;
  /** Requests whose answer has been sent. */
  answered(): number;
  /** Resolves once `predicate` holds for what was received. */
  waitFor(predicate: (received: Received[]) => boolean, what: string, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  let answered = 0;
  const open = new Set<ServerResponse>();
  const receiver: Receiver = {
    url: "",
    received: [],
    answer: () => ({ status: 200, body: "" }),
    answered: () => answered,
    async waitFor(predicate, what, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(receiver.received)) {
        if (Date.now() > deadline) throw new Error(`receiver: timed out waiting for ${what}; got ${receiver.received.length}: ${receiver.received.map((r) => `${r.body?.event}:${r.body?.data?.text ?? ""}`).join(", ")}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return receiver.received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    open.add(res);
    res.on("close", () => open.delete(res));
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: Received["body"];
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined as never;
      }
      const entry: Received = { headers: req.headers, raw, body, at: Date.now() };
      receiver.received.push(entry);
      const answer = await receiver.answer(entry);
      if (answer.hold) await answer.hold;
      if (res.destroyed) return;
      res.writeHead(answer.status ?? 200, { "Content-Type": answer.contentType ?? "text/plain" });
      res.end(answer.body ?? "");
      answered++;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  receiver.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hook`;
  return receiver;
}

/** Ultimate WhatsApp Gateway's verification snippet, as its README gives it. */
export function verifyWebhook(body: unknown, signature: string, secret: string): boolean {
  const expected = "sha256=" + createHmac("sha256", secret).update(JSON.stringify(body)).digest("hex");
  return signature === expected;
}

export interface Tenant {
  cookie: string;
  key: string;
}

export async function registerTenant(baseUrl: string, prefix = "wh"): Promise<Tenant> {
  const name = uniqueName(prefix);
  const res = expectOk(
    await request("POST", "/api/auth/register", { baseUrl, json: { name, email: `${name}@example.com`, username: name, password: "password-123" } }),
    "register",
  );
  const cookie = res.headers.get("set-cookie")!.split(";")[0];
  const key = expectOk(await request("POST", "/api/user/api-key", { baseUrl, as: { cookie } }), "api key").body.apiKey as string;
  return { cookie, key };
}

export async function waitForStatus(baseUrl: string, key: string, sessionId: string, status: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    const res = await request("GET", `/api/sessions/${sessionId}/status`, { baseUrl, as: { apiKey: key } });
    last = res.body?.status;
    if (last === status) return res.body;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`session ${sessionId} did not become ${status} (last: ${last})`);
}

/** A session of `tenant`, paired through the sandbox and CONNECTED. */
export async function pairedSession(baseUrl: string, tenant: Tenant, connectBody: Record<string, unknown> = {}): Promise<string> {
  const as = { apiKey: tenant.key };
  const session = expectOk(await request("POST", "/api/sessions", { baseUrl, as, json: { name: "Webhooks" } }), "create session").body;
  expectOk(await request("POST", `/api/sessions/${session.sessionId}/connect`, { baseUrl, as, json: connectBody }), "connect");
  expectOk(await request("POST", `/api/sandbox/sessions/${session.sessionId}/scan`, { baseUrl, as, json: {} }), "scan");
  await waitForStatus(baseUrl, tenant.key, session.sessionId, "CONNECTED");
  return session.sessionId as string;
}

/** The emulated contact (not the echo bot) sends `text` to the session. */
export async function contactSends(baseUrl: string, tenant: Tenant, sessionId: string, text: string, contact = "15550100002") {
  return expectOk(
    await request("POST", `/api/sandbox/contacts/${contact}/messages`, { baseUrl, as: { apiKey: tenant.key }, json: { to: sessionId, text } }),
    `contact sends ${text}`,
  ).body;
}

export async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const messageTexts = (received: Received[], event = "message.received") =>
  received.filter((r) => r.body?.event === event).map((r) => r.body.data.text as string);
