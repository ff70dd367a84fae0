// Small helpers for the API tests: requests against the gateway started by api-global-setup.ts,
// and the users, keys and sessions the tests act with. Every user is new and uniquely named, so
// test files can run in parallel against the one gateway.
import { createHash, randomBytes } from "node:crypto";
import { inject } from "vitest";

export type Role = "SUPERADMIN" | "OWNER" | "STAFF";
export type Via = "apiKey" | "cookie";

/** How a request authenticates: an API key (X-API-Key or Bearer), a session cookie, or nothing. */
export type Credentials = { apiKey: string } | { bearer: string } | { cookie: string } | null;

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body is not JSON. */
  body: T;
  text: string;
  contentType: string;
}

export interface Actor {
  id: string;
  role: Role;
  name: string;
  email: string;
  username: string;
  password: string;
  ownerId: string | null;
  /** `authjs.session-token=…`, ready for a Cookie header. */
  cookie: string;
  apiKey: string;
}

let baseUrlOverride: string | null = null;
/** The gateway requests go to: the shared one, or the one a file started and chose with useGateway. */
export const baseUrl = (): string => baseUrlOverride ?? inject("baseUrl");
/** Points every helper of this file's module instance (one per test file) at another gateway. */
export function useGateway(url: string) {
  baseUrlOverride = url;
}

// Secrets that must never come back in an answer: every password and key hash of a key these
// helpers have seen. `request` checks each answer against them (and against the field names).
const keyHashes = new Set<string>();
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export function rememberApiKey(key: string) {
  keyHashes.add(sha256(key));
}

/** Throws when an answer carries a password hash or an API key hash. */
export function assertNoSecrets(text: string, where: string) {
  for (const marker of ["passwordHash", "keyHash", "$argon2"]) {
    if (text.includes(marker)) throw new Error(`${where}: response contains "${marker}": ${text.slice(0, 500)}`);
  }
  for (const hash of keyHashes) {
    if (text.includes(hash)) throw new Error(`${where}: response contains an API key hash: ${text.slice(0, 500)}`);
  }
}

export interface RequestOptions {
  as?: Credentials;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent verbatim (for malformed bodies). */
  rawBody?: string;
  /** Sent as multipart/form-data. */
  form?: FormData;
  headers?: Record<string, string>;
  /** Another gateway than the shared one (e.g. one started with different settings). */
  baseUrl?: string;
}

export async function request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const creds = options.as;
  if (creds && "apiKey" in creds) headers["X-API-Key"] = creds.apiKey;
  if (creds && "bearer" in creds) headers.Authorization = `Bearer ${creds.bearer}`;
  if (creds && "cookie" in creds) headers.Cookie = creds.cookie;
  let body: string | FormData | undefined;
  if (options.form !== undefined) {
    body = options.form;
  } else if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["Content-Type"] ??= "application/json";
  } else if (options.rawBody !== undefined) {
    body = options.rawBody;
    headers["Content-Type"] ??= "application/json";
  }
  const res = await fetch(`${options.baseUrl ?? baseUrl()}${path}`, { method, headers, body, redirect: "manual" });
  const text = await res.text();
  assertNoSecrets(text, `${method} ${path}`);
  const contentType = res.headers.get("content-type") ?? "";
  let parsed: any;
  if (contentType.includes("application/json")) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  return { status: res.status, headers: res.headers, body: parsed, text, contentType };
}

/** The answer, or an error that says which call got what, when the status is not the expected one. */
export function expectOk<T>(res: ApiResponse<T>, what: string, status = 200): ApiResponse<T> {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${res.text.slice(0, 300)}`);
  return res;
}

export function as(actor: Actor, via: Via): Credentials {
  return via === "apiKey" ? { apiKey: actor.apiKey } : { cookie: actor.cookie };
}

/** `authjs.session-token=…` from a Set-Cookie answer, or null when none was set. */
export function sessionCookieFrom(res: ApiResponse): string | null {
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(";")[0];
    if (pair.startsWith("authjs.session-token=")) return pair;
  }
  return null;
}

let counter = 0;
/** Lower-case, 3–32 characters, safe as a username and a sessionId, unique across workers. */
export function uniqueName(prefix = "u"): string {
  return `${prefix.slice(0, 12)}-${(counter++).toString(36)}${randomBytes(5).toString("hex")}`.toLowerCase();
}

export function newUserInput(prefix = "user") {
  const username = uniqueName(prefix);
  return { name: `Test ${username}`, email: `${username}@example.test`, username, password: `pw-${randomBytes(6).toString("hex")}` };
}

export async function login(identifier: string, password: string, base?: string): Promise<string> {
  const res = expectOk(await request("POST", "/api/auth/login", { json: { username: identifier, password }, baseUrl: base }), `login ${identifier}`);
  const cookie = sessionCookieFrom(res);
  if (!cookie) throw new Error(`login ${identifier}: no session cookie set`);
  return cookie;
}

export async function createApiKey(creds: Credentials, base?: string): Promise<string> {
  const res = expectOk(await request<{ apiKey: string }>("POST", "/api/user/api-key", { as: creds, baseUrl: base }), "create API key");
  rememberApiKey(res.body.apiKey);
  return res.body.apiKey;
}

let adminCookie: Promise<string> | undefined;
/** The environment's first superadmin. Never give it an API key: parallel files would revoke each other's. */
export function adminCredentials(): Promise<Credentials> {
  adminCookie ??= login(inject("adminEmail"), inject("adminPassword"));
  return adminCookie.then((cookie) => ({ cookie }));
}

type PublicUser = { id: string; role: Role; name: string; email: string; username: string; ownerId: string | null };

async function completeActor(user: PublicUser, password: string, cookie?: string, base?: string): Promise<Actor> {
  const sessionCookie = cookie ?? (await login(user.username, password, base));
  const apiKey = await createApiKey({ cookie: sessionCookie }, base);
  return { ...user, password, cookie: sessionCookie, apiKey };
}

/** A new tenant: self-registered OWNER with a session cookie and an API key (on `base`, or the shared gateway). */
export async function registerOwner(prefix = "owner", base?: string): Promise<Actor> {
  const input = newUserInput(prefix);
  const res = expectOk(await request("POST", "/api/auth/register", { json: input, baseUrl: base }), `register ${input.username}`);
  const cookie = sessionCookieFrom(res);
  if (!cookie) throw new Error(`register ${input.username}: no session cookie set`);
  return completeActor(res.body.user, input.password, cookie, base);
}

/** POST /api/users by `by` (on `base`, or the shared gateway); returns the created user. */
export async function createUser(by: Credentials, input: Record<string, unknown>, base?: string): Promise<PublicUser> {
  return expectOk(await request("POST", "/api/users", { as: by, json: input, baseUrl: base }), `create user ${String(input.username)}`, 201).body;
}

/** A STAFF member of `owner`, assigned to the given sessions (sessionId or id), on `base` or the shared gateway. */
export async function createStaff(owner: Pick<Actor, "cookie">, sessionIds: string[] = [], prefix = "staff", base?: string): Promise<Actor> {
  const input = newUserInput(prefix);
  const user = await createUser({ cookie: owner.cookie }, input, base);
  if (sessionIds.length) await assignSessions({ cookie: owner.cookie }, user.id, sessionIds, base);
  return completeActor(user, input.password, undefined, base);
}

/** Another SUPERADMIN, made by the environment's admin, with its own cookie and key. */
export async function createSuperadmin(prefix = "super"): Promise<Actor> {
  const input = newUserInput(prefix);
  const user = await createUser(await adminCredentials(), { ...input, role: "SUPERADMIN" });
  return completeActor(user, input.password);
}

export interface PublicSession {
  id: string;
  userId: string;
  name: string;
  sessionId: string;
  status: string;
  qr: string | null;
  config: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export async function createSession(by: Credentials, name = uniqueName("session"), sessionId?: string): Promise<PublicSession> {
  return expectOk(await request("POST", "/api/sessions", { as: by, json: sessionId ? { name, sessionId } : { name } }), `create session ${name}`).body;
}

export async function assignSessions(by: Credentials, staffId: string, sessionIds: string[], base?: string) {
  return expectOk(await request("PUT", `/api/users/${staffId}/sessions`, { as: by, json: { sessionIds }, baseUrl: base }), `assign sessions to ${staffId}`)
    .body;
}

/** The session as its owner sees it, or null when the owner gets 404. */
export async function peekSession(owner: Actor, sessionId: string): Promise<PublicSession | null> {
  const res = await request("GET", `/api/sessions/${sessionId}`, { as: { cookie: owner.cookie } });
  if (res.status === 404) return null;
  return expectOk(res, `peek session ${sessionId}`).body;
}

/** The user as `by` lists it through GET /api/users, or null when it is not listed. */
export async function peekUser(by: Credentials, userId: string) {
  const res = expectOk(await request<Array<PublicUser & { assignments: unknown[] }>>("GET", "/api/users", { as: by }), "list users");
  return res.body.find((u) => u.id === userId) ?? null;
}
