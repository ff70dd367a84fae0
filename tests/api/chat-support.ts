// Helpers for the messaging tests (tests/api/chat-*.test.ts): each file starts its own sandbox
// gateway (WA_MODE=sandbox: real Baileys against the emulated WhatsApp network, in the gateway's own
// process) and drives it over HTTP only, as a client would.
import { startTestServer, type TestServer, type TestServerState } from "../../scripts/serve-test.mjs";
import { expectOk, request, uniqueName, type ApiResponse } from "../support/api-client";
import { freePort } from "../support/test-server";

export const SANDBOX_ENV = {
  WA_MODE: "sandbox",
  WA_CONNECT_WAIT_MS: "10000",
  // The sandbox contacts are US numbers: 555-010-0002 written locally is 15550100002.
  DEFAULT_COUNTRY_CODE: "1",
  // Media URLs served by the test process itself.
  ALLOW_PRIVATE_NETWORK_URLS: "true",
};

/** The emulated contacts every sandbox has (lib/sandbox/start-sandbox.ts). */
export const ECHO_BOT = "15550100001";
export const ALICE = "15550100002";
export const BOB = "15550100003";
export const jidOf = (phone: string) => `${phone}@s.whatsapp.net`;

export function startSandboxGateway(env: Record<string, string> = {}, reuse?: TestServerState): Promise<TestServer> {
  return freePort().then((port) => startTestServer({ port, env: { ...SANDBOX_ENV, ...env }, reuse: reuse ?? null }));
}

export interface Tenant {
  id: string;
  cookie: string;
  key: string;
}

/** A new self-registered owner on `base`, with a cookie and an API key. */
export async function registerTenant(base: string): Promise<Tenant> {
  const name = uniqueName("chat");
  const res = expectOk(
    await request("POST", "/api/auth/register", { baseUrl: base, json: { name, email: `${name}@example.com`, username: name, password: "password-123" } }),
    "register",
  );
  const cookie = res.headers.get("set-cookie")!.split(";")[0];
  const key = expectOk(await request("POST", "/api/user/api-key", { baseUrl: base, as: { cookie } }), "api key").body.apiKey as string;
  return { id: res.body.user.id, cookie, key };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)?.slice(0, 500)})`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Creates a session, pairs it with the sandbox phone and (by default) switches pacing off for speed. */
export async function pairedSession(base: string, tenant: Tenant, options: { pacing?: Record<string, unknown> | false } = {}) {
  const as = { apiKey: tenant.key };
  const session = expectOk(await request("POST", "/api/sessions", { baseUrl: base, as, json: { name: uniqueName("s") } }), "create session").body;
  const pacing = options.pacing === undefined || options.pacing === false ? { enabled: false } : options.pacing;
  expectOk(await request("PATCH", `/api/sessions/${session.sessionId}/settings`, { baseUrl: base, as, json: { config: { pacing } } }), "pacing");
  expectOk(await request("POST", `/api/sessions/${session.sessionId}/connect`, { baseUrl: base, as }), "connect");
  const scanned = expectOk(await request("POST", `/api/sandbox/sessions/${session.sessionId}/scan`, { baseUrl: base, as, json: {} }), "scan").body;
  await waitForSessionStatus(base, tenant, session.sessionId, "CONNECTED");
  return { id: session.id as string, sessionId: session.sessionId as string, phone: scanned.phone as string };
}

export async function waitForSessionStatus(base: string, tenant: Tenant, sessionId: string, status: string, timeoutMs = 30_000) {
  await waitFor(
    `session ${sessionId} to be ${status}`,
    async () => (await request("GET", `/api/sessions/${sessionId}/status`, { baseUrl: base, as: { apiKey: tenant.key } })).body?.status === status,
    timeoutMs,
  );
}

export interface ReceivedByContact {
  id: string;
  from: string;
  fromSession: string;
  chat: string;
  text: string | null;
  kinds: string[];
  message: Record<string, any>;
  receiptsSent: string[];
}

/** What an emulated contact received from the tenant's sessions (optionally from one of them). */
export async function receivedBy(base: string, tenant: Tenant, contact: string, sessionId?: string): Promise<ReceivedByContact[]> {
  const res = expectOk(await request<ReceivedByContact[]>("GET", `/api/sandbox/contacts/${contact}/messages`, { baseUrl: base, as: { apiKey: tenant.key } }), "contact inbox");
  return sessionId ? res.body.filter((m) => m.fromSession === sessionId) : res.body;
}

/** Waits until the contact received the message with this id, and returns it. */
export function waitForReceived(base: string, tenant: Tenant, contact: string, id: string, timeoutMs = 20_000) {
  return waitFor(`${contact} to receive ${id}`, async () => (await receivedBy(base, tenant, contact)).find((m) => m.id === id), timeoutMs);
}

export async function send(base: string, tenant: Tenant, body: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
  return request("POST", "/api/chat/send", { baseUrl: base, as: { apiKey: tenant.key }, json: body, headers });
}

export async function chatMessages(base: string, tenant: Tenant, sessionId: string, jid: string, query = ""): Promise<ApiResponse<any[]>> {
  return request("GET", `/api/chat/${sessionId}/${encodeURIComponent(jid)}${query}`, { baseUrl: base, as: { apiKey: tenant.key } });
}

/** The stored message with this WhatsApp id, as GET /api/chat/[sessionId]/[jid] shows it. */
export async function storedMessage(base: string, tenant: Tenant, sessionId: string, jid: string, keyId: string) {
  const res = expectOk(await chatMessages(base, tenant, sessionId, jid, "?limit=200"), "chat messages");
  return res.body.find((m: { keyId: string }) => m.keyId === keyId) ?? null;
}
