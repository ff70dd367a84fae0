// The shared helper for tests that drive a sandbox gateway (WA_MODE=sandbox: real Baileys against
// the emulated WhatsApp network, in the gateway's own process) over HTTP and Socket.io only, as a
// client would: start one, register tenants, pair sessions, send, and read what the emulated
// contacts received.
import { io as connectSocket, type Socket } from "socket.io-client";
import { startTestServer, type TestServer, type TestServerState } from "../../scripts/serve-test.mjs";
import { createStaff, expectOk, registerOwner, request, uniqueName, type ApiResponse } from "./api-client";
import { waitFor } from "./wait";

export const SANDBOX_ENV = {
  WA_MODE: "sandbox",
  WA_CONNECT_WAIT_MS: "10000",
  // The sandbox contacts are US numbers: 555-010-0002 written locally is 15550100002.
  DEFAULT_COUNTRY_CODE: "1",
  // Media URLs and webhook receivers served by the test process itself.
  ALLOW_PRIVATE_NETWORK_URLS: "true",
};

/** The emulated contacts every sandbox has (lib/sandbox/start-sandbox.ts). */
export const ECHO_BOT = "15550100001";
export const ALICE = "15550100002";
export const BOB = "15550100003";
export const jidOf = (phone: string) => `${phone}@s.whatsapp.net`;

/** A gateway of its own for the calling test file, in sandbox mode (`env` adds to or overrides SANDBOX_ENV). */
export async function startSandboxGateway(env: Record<string, string> = {}, reuse?: TestServerState): Promise<TestServer> {
  return startTestServer({ env: { ...SANDBOX_ENV, ...env }, reuse: reuse ?? null });
}

export interface Tenant {
  id: string;
  cookie: string;
  key: string;
}

/** A new self-registered owner on `base`, with a cookie and an API key. */
export async function registerTenant(base: string, prefix = "t"): Promise<Tenant> {
  const owner = await registerOwner(prefix, base);
  return { id: owner.id, cookie: owner.cookie, key: owner.apiKey };
}

/** A STAFF member of `owner` on `base`, assigned to `sessionIds` (sessionId or id), with a cookie and an API key. */
export async function staffOn(base: string, owner: Pick<Tenant, "cookie">, sessionIds: string[]): Promise<Tenant> {
  const staff = await createStaff(owner, sessionIds, "staff", base);
  return { id: staff.id, cookie: staff.cookie, key: staff.apiKey };
}

export interface PairedSession {
  id: string;
  sessionId: string;
  /** The phone number the sandbox gave it. */
  phone: string;
}

/**
 * Creates a session, pairs it with the sandbox phone and waits until it is CONNECTED. Pacing is
 * switched off for speed unless `pacing` gives settings; `connect` is the connect body (metadata,
 * Chatery's webhooks).
 */
export async function pairedSession(
  base: string,
  tenant: Pick<Tenant, "key">,
  options: { pacing?: Record<string, unknown>; connect?: Record<string, unknown>; name?: string; sessionId?: string } = {},
): Promise<PairedSession> {
  const as = { apiKey: tenant.key };
  const session = expectOk(
    await request("POST", "/api/sessions", {
      baseUrl: base,
      as,
      json: { name: options.name ?? uniqueName("s"), ...(options.sessionId ? { sessionId: options.sessionId } : {}) },
    }),
    "create session",
  ).body;
  const pacing = options.pacing ?? { enabled: false };
  expectOk(await request("PATCH", `/api/sessions/${session.sessionId}/settings`, { baseUrl: base, as, json: { config: { pacing } } }), "pacing");
  expectOk(await request("POST", `/api/sessions/${session.sessionId}/connect`, { baseUrl: base, as, json: options.connect ?? {} }), "connect");
  const scanned = expectOk(await request("POST", `/api/sandbox/sessions/${session.sessionId}/scan`, { baseUrl: base, as, json: {} }), "scan").body;
  await waitForSessionStatus(base, tenant, session.sessionId, "CONNECTED");
  return { id: session.id as string, sessionId: session.sessionId as string, phone: scanned.phone as string };
}

/** Waits until GET /api/sessions/{id}/status says `status`, and returns that answer. */
export function waitForSessionStatus(base: string, tenant: Pick<Tenant, "key">, sessionId: string, status: string, timeoutMs = 30_000) {
  return waitFor(
    `session ${sessionId} to be ${status}`,
    async () => {
      const res = await request("GET", `/api/sessions/${sessionId}/status`, { baseUrl: base, as: { apiKey: tenant.key } });
      return res.body?.status === status ? res.body : undefined;
    },
    timeoutMs,
  );
}

// --- the emulated contacts ----------------------------------------------------------------------

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
export async function receivedBy(base: string, tenant: Pick<Tenant, "key">, contact: string, sessionId?: string): Promise<ReceivedByContact[]> {
  const res = expectOk(
    await request<ReceivedByContact[]>("GET", `/api/sandbox/contacts/${contact}/messages`, { baseUrl: base, as: { apiKey: tenant.key } }),
    "contact inbox",
  );
  return sessionId ? res.body.filter((m) => m.fromSession === sessionId) : res.body;
}

/** Waits until the contact received the message with this id, and returns it. */
export function waitForReceived(base: string, tenant: Pick<Tenant, "key">, contact: string, id: string, timeoutMs = 20_000) {
  return waitFor(`${contact} to receive ${id}`, async () => (await receivedBy(base, tenant, contact)).find((m) => m.id === id), timeoutMs);
}

/** The emulated contact (Alice by default: she never answers) sends `text` to the session. */
export async function contactSends(base: string, tenant: Pick<Tenant, "key">, sessionId: string, text: string, contact = ALICE) {
  return expectOk(
    await request("POST", `/api/sandbox/contacts/${contact}/messages`, { baseUrl: base, as: { apiKey: tenant.key }, json: { to: sessionId, text } }),
    `contact sends ${text}`,
  ).body;
}

// --- sending and reading through the API ----------------------------------------------------------

export async function send(base: string, tenant: Pick<Tenant, "key">, body: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
  return request("POST", "/api/chat/send", { baseUrl: base, as: { apiKey: tenant.key }, json: body, headers });
}

export async function chatMessages(base: string, tenant: Pick<Tenant, "key">, sessionId: string, jid: string, query = ""): Promise<ApiResponse<any[]>> {
  return request("GET", `/api/chat/${sessionId}/${encodeURIComponent(jid)}${query}`, { baseUrl: base, as: { apiKey: tenant.key } });
}

/** The stored message with this WhatsApp id, as GET /api/chat/[sessionId]/[jid] shows it. */
export async function storedMessage(base: string, tenant: Pick<Tenant, "key">, sessionId: string, jid: string, keyId: string) {
  const res = expectOk(await chatMessages(base, tenant, sessionId, jid, "?limit=200"), "chat messages");
  return res.body.find((m: { keyId: string }) => m.keyId === keyId) ?? null;
}

// --- Socket.io ---------------------------------------------------------------------------------

/** A Socket.io client signed in with an API key, once connected; `format: "chatery"` for Chatery's payloads. */
export function socketFor(base: string, apiKey: string, options: { format?: "chatery" } = {}): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectSocket(base, { auth: { apiKey, ...options }, transports: ["websocket"], reconnection: false });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** Joins a session's room; resolves with the acknowledgement. */
export const joinSession = (socket: Socket, sessionId: string) =>
  new Promise<{ ok: boolean; sessionId?: string; error?: string }>((resolve) => socket.emit("join-session", { sessionId }, resolve));
