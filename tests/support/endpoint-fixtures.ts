// THE TABLE OF ENDPOINTS for the generated suites: the authorization matrix
// (tests/api/authorization-matrix.test.ts) and the fuzz suite (tests/api/fuzz-endpoints.test.ts).
// Both take the list of endpoints from the route files (tests/support/declared-endpoints.ts), so a
// new route.ts is in both at once — and FAILS both until it has an entry here.
//
// HOW TO ADD AN ENDPOINT (one entry, keyed "METHOD /api/path/:id" with every [param] as :id):
//
//   "POST /api/groups/:id/leave": {
//     expect: TENANT_MANAGE,                       // or TENANT_READ, ANY_USER, OWNERS, PUBLIC_ROUTE, or 8 statuses
//     request: async (c) => ({                     // c.w = the world below; c.as = this cell's credentials
//       path: `/api/groups/${await groupOf(c)}/leave`,   // a resource of tenant A (sessionA, webhookA, …)
//       json: { sessionId: c.w.sessionA.sessionId },     // a VALID body (the fuzz suite breaks it field by field)
//       check: (res, ok) => { if (ok) expect(res.body).toMatchObject({ success: true }); },  // optional: the effect
//     }),
//   },
//
// - `expect` lists the status for each caller kind, in CALLERS order: anonymous, stale (deleted
//   user's cookie / revoked key), superadmin, owner (of tenant A), otherOwner (tenant B), staff (of
//   A, assigned to sessionA), unassignedStaff (of A), otherStaff (of B). Use `created(PRESET)` when
//   success is 201. Another tenant's resource is 404; a role without the permission is 403.
// - `request` builds the call for ONE cell. It runs once per cell, so a destructive call (DELETE,
//   logout, key rotation) makes its own resource first (see disposableSession) instead of using
//   sessionA, which every other cell needs intact. It must build a request that SUCCEEDS for the
//   allowed callers: the matrix checks the success status, the fuzz suite starts from it.
// - The world runs on a SANDBOX gateway (WA_MODE=sandbox): sessionA is really paired and connected
//   to the emulated WhatsApp network, so chat, media and group endpoints do real work.
// - `body: "multipart"` for upload routes (request returns `form`); `fuzz: false` only with a
//   reason in a comment (nothing here uses it today).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { sampleOggOpus, samplePdf } from "../fixtures/media-samples";
import {
  type Actor,
  type ApiResponse,
  type Credentials,
  type PublicSession,
  type Via,
  as,
  assignSessions,
  createSession,
  createStaff,
  createSuperadmin,
  createUser,
  expectOk,
  newUserInput,
  peekSession,
  peekUser,
  registerOwner,
  request,
  sessionCookieFrom,
  uniqueName,
} from "./api-client";

export const CALLERS = {
  anonymous: "no credentials at all",
  stale: "a deleted user's cookie / a revoked API key",
  superadmin: "SUPERADMIN",
  owner: "OWNER of the resource's tenant",
  otherOwner: "OWNER of another tenant",
  staff: "STAFF of the resource's tenant, assigned to the session",
  unassignedStaff: "STAFF of the resource's tenant, not assigned to the session",
  otherStaff: "STAFF of another tenant",
} as const;
export type CallerName = keyof typeof CALLERS;
export const COLUMNS = Object.keys(CALLERS) as CallerName[];

/** A status, or one per credential type where they differ. */
export type Expected = number | { apiKey: number; cookie: number };
type Row = [Expected, Expected, Expected, Expected, Expected, Expected, Expected, Expected];

/** Public routes ignore a stale cookie (nobody is signed in) but refuse a wrong API key outright. */
const PUBLIC = { apiKey: 401, cookie: 200 } as const;
// prettier-ignore
export const PUBLIC_ROUTE: Row = [200, PUBLIC, 200, 200, 200, 200, 200, 200];
/** Any signed-in user, acting on their own things. */
export const ANY_USER: Row = [401, 401, 200, 200, 200, 200, 200, 200];
/** Reading (or sending through) tenant A's session: staff only when assigned to it. */
export const TENANT_READ: Row = [401, 401, 200, 200, 404, 200, 404, 404];
/** Managing tenant A's session or webhook: owners and superadmins only. */
export const TENANT_MANAGE: Row = [401, 401, 200, 200, 404, 403, 403, 403];
/** Owners (and superadmins) act on their own tenant's things; staff may not. */
export const OWNERS: Row = [401, 401, 200, 200, 200, 403, 403, 403];
/** The Automation API's door: the caller's default session (lib/sessions/get-default-session.ts) — their own, made on demand; staff without a session assigned have none. */
export const DEFAULT_SESSION: Row = [401, 401, 200, 200, 200, 200, 404, 200];
/** Recipient lists are the tenant's, shared by all its staff (sessions.send): another tenant's are a 404. */
export const TENANT_LISTS: Row = [401, 401, 200, 200, 404, 200, 200, 404];
/** Chatery's doors answer a wrong API key 403 "Invalid API key", as Chatery documents (lib/compat/chatery/with-chatery-envelope.ts). */
export const chateryRow = (row: Row): Row => row.map((e, i) => (i === 1 ? { apiKey: 403, cookie: 401 } : e)) as Row;
export const created = (row: Row): Row => row.map((e) => (e === 200 ? 201 : e)) as Row;

// ---------------------------------------------------------------------------------------------
// The world every entry talks about: tenant A (the resource's) and tenant B (another one).

export const CONTACT = "15550100002"; // a demo contact every sandbox has (lib/sandbox/start-sandbox.ts)
export const CONTACT_JID = `${CONTACT}@s.whatsapp.net`;
/** A sandbox contact of tenant A's own (made in buildWorld); every gateway has its own emulator. */
export const CONTACT_A = "15550177001";

export interface World {
  base: string;
  /** The test process's file server (startFileServer). */
  files: string;
  superadmin: Actor;
  ownerA: Actor;
  ownerB: Actor;
  staffA: Actor; // assigned to sessionA
  unassignedStaffA: Actor;
  staffB: Actor; // assigned to sessionB
  stale: Actor; // deleted: its cookie and key no longer name anyone
  /** Paired with the sandbox phone and CONNECTED for the whole run: never log it out or delete it. */
  sessionA: PublicSession;
  sessionB: PublicSession;
  /** An uploaded PNG of tenant A, bound to sessionA. */
  mediaA: string;
  /** A message with an image that CONTACT received from sessionA (its id as the contact sees it). */
  contactMessageA: string;
  /** A webhook of tenant A (on sessionA, every event) and one of its deliveries. */
  webhookA: string;
  deliveryA: string;
  loginUser: { username: string; password: string };
  /** The id (as /api/chat/send gave it) of the image sessionA sent to CONTACT. */
  sentA: string;
  /** A group sessionA created (so it is its admin) with CONTACT in it. */
  groupA: string;
  /** Tenant A's automation: an auto-reply rule and a one-time schedule (far in the future), both on sessionA. */
  ruleA: string;
  scheduleA: string;
  /** Tenant A's campaign (a draft on sessionA), recipient list and opt-out entry. */
  campaignA: string;
  listA: string;
  optOutA: string;
}

/** A real 8×8 PNG (uploads are decoded: lib/media/assert-image-decodes.ts). */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWMwTjuDFTEMLQkAuYZZQQ0kCIcAAAAASUVORK5CYII=",
  "base64",
);

/** Files for the "send from a URL" endpoints, served by the test process (the sandbox gateway allows private URLs). */
export async function startFileServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const files: Record<string, [string, Buffer]> = {
    "/image.png": ["image/png", TINY_PNG],
    "/doc.pdf": ["application/pdf", samplePdf()],
    "/audio.ogg": ["audio/ogg", sampleOggOpus()],
  };
  const server = createServer((req, res) => {
    const file = files[(req.url ?? "").split("?")[0]];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": file[0] }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function pngForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new Blob([new Uint8Array(TINY_PNG)], { type: "image/png" }), "tiny.png");
  return form;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
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
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)?.slice(0, 300)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const statusOf = async (owner: Actor, sessionId: string) =>
  (await request("GET", `/api/sessions/${sessionId}/status`, { as: { apiKey: owner.apiKey } })).body?.status as string | undefined;

/** Create → pacing off → connect → the sandbox phone scans → CONNECTED. */
export async function pairedSession(owner: Actor, name = uniqueName("paired")): Promise<PublicSession> {
  const by = { apiKey: owner.apiKey };
  const session = await createSession(by, name);
  expectOk(await request("PATCH", `/api/sessions/${session.sessionId}/settings`, { as: by, json: { config: { pacing: { enabled: false } } } }), "pacing off");
  expectOk(await request("POST", `/api/sessions/${session.sessionId}/connect`, { as: by }), "connect");
  expectOk(await request("POST", `/api/sandbox/sessions/${session.sessionId}/scan`, { as: by, json: {} }), "scan");
  await waitFor(`${session.sessionId} CONNECTED`, async () => (await statusOf(owner, session.sessionId)) === "CONNECTED");
  return session;
}

/** A session of A in the QR state (connected to the sandbox, waiting for a scan). */
export async function qrSession(owner: Actor): Promise<PublicSession> {
  const session = await createSession({ apiKey: owner.apiKey }, uniqueName("qr"));
  expectOk(await request("POST", `/api/sessions/${session.sessionId}/connect`, { as: { apiKey: owner.apiKey } }), "connect");
  await waitFor(`${session.sessionId} QR`, async () => (await statusOf(owner, session.sessionId)) === "QR");
  return session;
}

export async function buildWorld(base: string, files: string): Promise<World> {
  const [superadmin, ownerA, ownerB] = await Promise.all([createSuperadmin(), registerOwner("ownera"), registerOwner("ownerb")]);
  const [sessionA, sessionB] = await Promise.all([pairedSession(ownerA, "Matrix A"), createSession({ cookie: ownerB.cookie }, "Matrix B")]);
  const [staffA, unassignedStaffA, staffB, stale] = await Promise.all([
    createStaff(ownerA, [sessionA.sessionId], "staffa"),
    createStaff(ownerA, [], "loosea"),
    createStaff(ownerB, [sessionB.sessionId], "staffb"),
    createStaff(ownerA, [sessionA.sessionId], "ghost"),
  ]);
  expectOk(await request("DELETE", `/api/users/${stale.id}`, { as: { cookie: ownerA.cookie } }), "delete the stale user");
  const loginInput = newUserInput("loginme");
  expectOk(await request("POST", "/api/auth/register", { json: loginInput }), "register the login user");

  const byA = { apiKey: ownerA.apiKey };
  const mediaA = expectOk(await request("POST", "/api/media", { as: byA, form: pngForm({ sessionId: sessionA.sessionId }) }), "upload", 201).body
    .mediaId as string;
  // The webhook exists before the traffic below, so that traffic gives it deliveries. It posts to
  // this gateway's health check (private addresses are allowed here): a quick 405, a FAILED delivery.
  const webhookA = expectOk(
    await request("POST", "/api/webhooks", { as: byA, json: { name: "Matrix hook", url: `${base}/api/health`, events: ["*"], sessionId: sessionA.sessionId } }),
    "webhook",
  ).body.id as string;
  const sent = expectOk(
    await request("POST", "/api/chat/send", {
      as: byA,
      json: { sessionId: sessionA.sessionId, jid: CONTACT, message: { image: { mediaId: mediaA }, caption: "matrix" } },
    }),
    "send an image",
  ).body.messageId as string;
  expectOk(
    await request("POST", `/api/sandbox/contacts/${CONTACT}/messages`, { as: byA, json: { to: sessionA.sessionId, text: "hello from the contact" } }),
    "contact writes",
  );
  const contactMessageA = await waitFor("the contact receives the image", async () => {
    const list = (await request("GET", `/api/sandbox/contacts/${CONTACT}/messages`, { as: byA })).body as Array<{ id: string; kinds: string[] }>;
    return list?.find((m) => m.id === sent || m.kinds.includes("imageMessage"))?.id;
  });
  const [groupA, ruleA, scheduleA, campaignA, listA, optOutA] = await Promise.all([
    newGroupA(byA, sessionA.sessionId, "Matrix group"),
    request("POST", "/api/autoreplies", { as: byA, json: { sessionId: sessionA.sessionId, keyword: "matrix-never-said", response: "never" } }).then(
      (r) => expectOk(r, "auto-reply rule").body.id as string,
    ),
    request("POST", "/api/scheduler", { as: byA, json: { sessionId: sessionA.sessionId, jid: CONTACT, content: "later", sendAt: FAR_FUTURE } }).then(
      (r) => expectOk(r, "schedule").body.id as string,
    ),
    newCampaignA(byA, sessionA.sessionId),
    request("POST", "/api/recipient-lists", { as: byA, json: { name: "Matrix list", recipients: [CONTACT] } }).then(
      (r) => expectOk(r, "recipient list", 201).body.id as string,
    ),
    request("POST", "/api/opt-outs", { as: byA, json: { phone: "15550100777", reason: "matrix" } }).then((r) => expectOk(r, "opt-out", 201).body.id as string),
    request("POST", "/api/sandbox/contacts", { as: byA, json: { phone: CONTACT_A, name: "Matrix contact A" } }).then((r) => expectOk(r, "contact of A", 201)),
  ]);
  const deliveryA = await waitFor(
    "a delivery of the webhook",
    async () => (await request("GET", `/api/webhooks/${webhookA}/deliveries`, { as: byA })).body?.deliveries?.[0]?.id as string | undefined,
  );
  return {
    base,
    files,
    superadmin,
    ownerA,
    ownerB,
    staffA,
    unassignedStaffA,
    staffB,
    stale,
    sessionA,
    sessionB,
    mediaA,
    contactMessageA,
    webhookA,
    deliveryA,
    loginUser: { username: loginInput.username, password: loginInput.password },
    sentA: sent,
    groupA,
    ruleA,
    scheduleA,
    campaignA,
    listA,
    optOutA,
  };
}

const FAR_FUTURE = "2036-01-01T00:00:00Z";

/** A new group of sessionA's (sessionA is its admin), with CONTACT in it. */
async function newGroupA(by: Credentials, sessionId: string, subject: string): Promise<string> {
  const res = await request("POST", "/api/groups/create", { as: by, json: { sessionId, subject, participants: [CONTACT] } });
  return expectOk(res, "create a group").body.group.id as string;
}

/** A campaign of tenant A on sessionA: a draft, or scheduled far ahead. */
async function newCampaignA(by: Credentials, sessionId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await request("POST", "/api/campaigns", {
    as: by,
    json: { name: uniqueName("matrix campaign"), sessionId, message: { text: "Hi {{Name|there}}" }, recipients: [CONTACT], ...extra },
  });
  return expectOk(res, "campaign", 201).body.id as string;
}

export function actorOf(w: World, caller: CallerName): Actor | null {
  switch (caller) {
    case "anonymous":
      return null;
    case "stale":
      return w.stale;
    case "superadmin":
      return w.superadmin;
    case "owner":
      return w.ownerA;
    case "otherOwner":
      return w.ownerB;
    case "staff":
      return w.staffA;
    case "unassignedStaff":
      return w.unassignedStaffA;
    case "otherStaff":
      return w.staffB;
  }
}

/** A new caller in the same position, for cells that use up the caller's own key. */
async function freshActor(w: World, caller: CallerName): Promise<Actor | null> {
  switch (caller) {
    case "anonymous":
    case "stale":
      return actorOf(w, caller);
    case "superadmin":
      return createSuperadmin();
    case "owner":
    case "otherOwner":
      return registerOwner("fresh");
    case "staff":
      return createStaff(w.ownerA, [w.sessionA.sessionId], "fresh");
    case "unassignedStaff":
      return createStaff(w.ownerA, [], "fresh");
    case "otherStaff":
      return createStaff(w.ownerB, [w.sessionB.sessionId], "fresh");
  }
}

// ---------------------------------------------------------------------------------------------

export interface Cell {
  endpoint: string;
  caller: CallerName;
  via: Via | null;
  expected: number;
  n: number;
}

export interface Ctx {
  w: World;
  cell: Cell;
  actor: Actor | null;
  /** This cell's credentials (null for anonymous). */
  as: Credentials;
  /** Whether this cell is expected to succeed. */
  allowed: boolean;
}

export interface Call {
  path: string;
  json?: unknown;
  form?: FormData;
  /** A body that is neither JSON nor multipart (the CSV import). */
  raw?: { body: string; type: string };
  /** Replaces the cell's credentials (cells that need a fresh caller). */
  as?: Credentials;
  /** Runs after the status matched: checks the answer (2xx) or that nothing changed (refused). */
  check?: (res: ApiResponse, ok: boolean) => Promise<void> | void;
}

export interface Fixture {
  expect: Row;
  request: (c: Ctx) => Promise<Call> | Call;
  body?: "json" | "multipart";
}

const ownerA = (c: Ctx): Credentials => ({ cookie: c.w.ownerA.cookie });
const sA = (c: Ctx) => c.w.sessionA.sessionId;

// staffA's assignments are replaced by the staff cells below: one at a time (a replacement is
// delete-then-insert, and two at once would fight over the sessionA row).
let staffAssignments: Promise<unknown> = Promise.resolve();

/** A session of tenant A that may be destroyed, assigned to staffA (besides sessionA) for the staff cell. */
export async function disposableSession(
  c: Ctx,
  make: (owner: Actor) => Promise<PublicSession> = (o) => createSession({ cookie: o.cookie }, `disposable ${c.cell.n}`),
) {
  const session = await make(c.w.ownerA);
  if (c.cell.caller === "staff") {
    const assigned = staffAssignments.then(() => assignSessions(ownerA(c), c.w.staffA.id, [sA(c), session.sessionId]));
    staffAssignments = assigned.catch(() => {});
    await assigned;
  }
  return session;
}

/** Tenant A's session for refused cells; a disposable one for the cells that will change it. */
async function sessionFor(c: Ctx, make?: (owner: Actor) => Promise<PublicSession>) {
  return c.allowed ? disposableSession(c, make) : c.w.sessionA;
}

async function deleteSessionCall(c: Ctx, suffix: string): Promise<Call> {
  const session = await disposableSession(c);
  return {
    path: `/api/sessions/${session.sessionId}${suffix}`,
    async check(res, ok) {
      if (ok) expect(res.body).toEqual({ success: true });
      expect(await peekSession(c.w.ownerA, session.sessionId), ok ? "session should be gone" : "session should survive").toEqual(
        ok ? null : expect.objectContaining({ sessionId: session.sessionId }),
      );
    },
  };
}

async function newWebhookA(c: Ctx): Promise<string> {
  return expectOk(
    await request("POST", "/api/webhooks", { as: ownerA(c), json: { name: `hook ${c.cell.n}`, url: `${c.w.base}/api/health`, events: ["message"] } }),
    "webhook",
  ).body.id;
}

const usedDeliveries = new Set<string>();
async function unusedSettledDelivery(c: Ctx): Promise<string> {
  return waitFor("an unused delivery that is not PENDING", async () => {
    const list = (await request("GET", `/api/webhooks/${c.w.webhookA}/deliveries?limit=100`, { as: ownerA(c) })).body?.deliveries as Array<{
      id: string;
      status: string;
    }>;
    const id = list?.find((d) => d.status !== "PENDING" && !usedDeliveries.has(d.id))?.id;
    if (id) usedDeliveries.add(id);
    return id;
  });
}

const groupPath = (c: Ctx, suffix: string) => `/api/groups/${sA(c)}/${encodeURIComponent(c.w.groupA)}${suffix}`;
const chateryGroup = (c: Ctx, fields: Record<string, unknown> = {}) => ({ sessionId: sA(c), groupId: c.w.groupA, ...fields });

/**
 * An invite code sessionA may join with: for an allowed cell, a new group of sessionA's (CONTACT
 * stays in it) that sessionA then leaves; refused cells never get as far as the code.
 */
async function rejoinableInvite(c: Ctx): Promise<string> {
  if (!c.allowed) return "AAAAAAAAAAAAAAAAAAAAAA";
  const group = await newGroupA(ownerA(c), sA(c), `rejoin ${c.cell.n}`);
  const path = `/api/groups/${sA(c)}/${encodeURIComponent(group)}`;
  const code = expectOk(await request("GET", `${path}/invite-code`, { as: ownerA(c) }), "invite code").body.inviteCode as string;
  expectOk(await request("POST", `${path}/leave`, { as: ownerA(c) }), "leave before joining again");
  return code;
}

/** A session id nobody uses (3–32 letters, digits, _ or -), for doors that create by id. */
const freshSessionId = (c: Ctx, prefix: string) => `${prefix}${c.cell.n}x${Math.random().toString(36).slice(2, 8)}`;

/** A key the cell's own caller makes (the anonymous and stale cells never get that far). */
async function ownKey(c: Ctx): Promise<string> {
  if (!c.allowed || !c.actor) return "no-such-key";
  const res = await request("POST", "/api/api-keys", { as: { apiKey: c.actor.apiKey }, json: { name: `own ${c.cell.n}` } });
  if (res.status >= 300) throw new Error(`create a key: ${res.status} ${res.text.slice(0, 200)}`);
  return (res.body.id ?? res.body.key?.id) as string;
}

/** A text sessionA sends to CONTACT now (its id as /api/chat/send gives it). */
async function sentTextA(c: Ctx): Promise<string> {
  const res = await request("POST", "/api/chat/send", { as: ownerA(c), json: { sessionId: sA(c), jid: CONTACT, message: { text: `cell ${c.cell.n}` } } });
  return expectOk(res, "send a text").body.messageId as string;
}

async function newRuleA(c: Ctx): Promise<string> {
  const res = await request("POST", "/api/autoreplies", { as: ownerA(c), json: { sessionId: sA(c), keyword: `doomed-${c.cell.n}`, response: "never" } });
  return expectOk(res, "auto-reply rule").body.id;
}

async function newScheduleA(c: Ctx, when: Record<string, unknown> = { sendAt: FAR_FUTURE }): Promise<string> {
  const res = await request("POST", "/api/scheduler", { as: ownerA(c), json: { sessionId: sA(c), jid: CONTACT, content: `cell ${c.cell.n}`, ...when } });
  return expectOk(res, "schedule").body.id;
}

async function newListA(c: Ctx): Promise<string> {
  const res = await request("POST", "/api/recipient-lists", { as: ownerA(c), json: { name: `doomed ${c.cell.n}`, recipients: [CONTACT] } });
  return expectOk(res, "recipient list", 201).body.id;
}

/** A campaign of tenant A in the state the move needs (a new one per allowed cell: moves are one-way). */
async function campaignInState(c: Ctx, state: "draft" | "scheduled" | "paused"): Promise<string> {
  if (!c.allowed) return c.w.campaignA;
  const id = await newCampaignA(ownerA(c), sA(c), state === "draft" ? {} : { scheduledAt: FAR_FUTURE });
  if (state === "paused") expectOk(await request("POST", `/api/campaigns/${id}/pause`, { as: ownerA(c) }), "pause first");
  return id;
}

async function campaignMove(c: Ctx, move: string, from: "draft" | "scheduled" | "paused"): Promise<Call> {
  return { path: `/api/campaigns/${await campaignInState(c, from)}/${move}` };
}

async function v1CampaignMove(c: Ctx, move: string, from: "draft" | "scheduled" | "paused"): Promise<Call> {
  return { path: `/api/v1/campaigns/${await campaignInState(c, from)}/${move}` };
}

const send = (c: Ctx, message: Record<string, unknown>) => ({ sessionId: sA(c), jid: CONTACT, message });
const seed003 = (c: Ctx, fields: Record<string, unknown>) => ({ sessionId: sA(c), chatId: CONTACT, ...fields });
const okSuccess = (res: ApiResponse, ok: boolean) => {
  if (ok) expect(res.body).toMatchObject({ success: true });
};

export const ENDPOINT_FIXTURES: Record<string, Fixture> = {
  // --- sessions ---------------------------------------------------------------------------------
  "GET /api/sessions": {
    expect: ANY_USER,
    request: (c) => ({
      path: "/api/sessions",
      check(res, ok) {
        if (!ok || !c.actor) return;
        const owners = new Set((res.body as PublicSession[]).map((s) => s.userId));
        if (c.actor.role === "SUPERADMIN") expect([...owners]).toEqual(expect.arrayContaining([c.w.ownerA.id, c.w.ownerB.id]));
        else
          expect(
            [...owners].every((o) => o === (c.actor!.ownerId ?? c.actor!.id)),
            `only the caller's tenant: ${[...owners]}`,
          ).toBe(true);
      },
    }),
  },
  "POST /api/sessions": {
    expect: OWNERS,
    request: (c) => ({
      path: "/api/sessions",
      json: { name: `created by cell ${c.cell.n}` },
      check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ userId: c.actor!.id, name: `created by cell ${c.cell.n}`, status: "DISCONNECTED", qr: null });
      },
    }),
  },
  "GET /api/sessions/:id": {
    expect: TENANT_READ,
    request: (c) => ({
      path: `/api/sessions/${sA(c)}`,
      check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ id: c.w.sessionA.id, sessionId: sA(c), userId: c.w.ownerA.id });
      },
    }),
  },
  "PATCH /api/sessions/:id": {
    expect: TENANT_MANAGE,
    request: (c) => {
      const name = `renamed by cell ${c.cell.n}`;
      return {
        path: `/api/sessions/${sA(c)}`,
        json: { name },
        async check(res, ok) {
          if (ok) expect(res.body).toMatchObject({ sessionId: sA(c), name });
          else expect((await peekSession(c.w.ownerA, sA(c)))?.name).not.toBe(name);
        },
      };
    },
  },
  "DELETE /api/sessions/:id": { expect: TENANT_MANAGE, request: (c) => deleteSessionCall(c, "") },
  "PATCH /api/sessions/:id/settings": {
    expect: TENANT_MANAGE,
    request: (c) => {
      const url = `https://example.com/avatar-${c.cell.n}.png`;
      return {
        path: `/api/sessions/${sA(c)}/settings`,
        json: { config: { ppGuardFallbackUrl: url } },
        async check(res, ok) {
          if (ok) expect(res.body).toMatchObject({ sessionId: sA(c), config: { ppGuardFallbackUrl: url } });
          else expect((await peekSession(c.w.ownerA, sA(c)))?.config.ppGuardFallbackUrl).not.toBe(url);
        },
      };
    },
  },
  "DELETE /api/sessions/:id/settings": { expect: TENANT_MANAGE, request: (c) => deleteSessionCall(c, "/settings") },
  "GET /api/sessions/:id/status": {
    expect: TENANT_READ,
    request: (c) => ({
      path: `/api/sessions/${sA(c)}/status`,
      check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ sessionId: sA(c), status: "CONNECTED", isConnected: true, history: expect.any(Array) });
      },
    }),
  },
  "GET /api/sessions/:id/events": {
    expect: TENANT_READ,
    request: (c) => ({
      path: `/api/sessions/${sA(c)}/events`,
      check(res, ok) {
        if (ok) expect(Array.isArray(res.body)).toBe(true);
      },
    }),
  },
  "GET /api/sessions/:id/qr": {
    expect: TENANT_MANAGE,
    request: async (c) => {
      const session = c.allowed ? await qrSession(c.w.ownerA) : c.w.sessionA;
      return {
        path: `/api/sessions/${session.sessionId}/qr`,
        check(res, ok) {
          if (ok) expect(res.body).toEqual({ qr: expect.stringMatching(/^data:image\/png;base64,/), status: "QR" });
        },
      };
    },
  },
  "GET /api/sessions/:id/qr/image": {
    expect: TENANT_MANAGE,
    request: async (c) => {
      const session = c.allowed ? await qrSession(c.w.ownerA) : c.w.sessionA;
      return { path: `/api/sessions/${session.sessionId}/qr/image` };
    },
  },
  "POST /api/sessions/:id/connect": {
    expect: TENANT_MANAGE,
    request: async (c) => {
      const session = await sessionFor(c);
      return {
        path: `/api/sessions/${session.sessionId}/connect`,
        json: { metadata: { cell: c.cell.n } },
        check(res, ok) {
          if (ok) expect(res.body).toMatchObject({ status: "QR" });
        },
      };
    },
  },
  "POST /api/sessions/:id/init": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: `/api/sessions/${(await sessionFor(c)).sessionId}/init` }),
  },
  "POST /api/sessions/:id/restart": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: `/api/sessions/${(await sessionFor(c, (o) => qrSession(o))).sessionId}/restart` }),
  },
  "POST /api/sessions/:id/pairing-code": {
    expect: TENANT_MANAGE,
    request: async (c) => ({
      path: `/api/sessions/${(await sessionFor(c)).sessionId}/pairing-code`,
      json: { phone: "15550199999" },
      check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ code: expect.any(String) });
      },
    }),
  },
  "POST /api/sessions/:id/logout": {
    expect: TENANT_MANAGE,
    request: async (c) => {
      const session = await sessionFor(c);
      return {
        path: `/api/sessions/${session.sessionId}/logout`,
        async check(res, ok) {
          if (ok) expect(res.body).toMatchObject({ success: true });
          expect(await peekSession(c.w.ownerA, session.sessionId), "logging out keeps the session").toEqual(
            expect.objectContaining({ sessionId: session.sessionId }),
          );
          if (!ok) expect(await statusOf(c.w.ownerA, session.sessionId), "a refused logout leaves the session connected").toBe("CONNECTED");
        },
      };
    },
  },
  "GET /api/sessions/:id/webhook": { expect: TENANT_MANAGE, request: (c) => ({ path: `/api/sessions/${sA(c)}/webhook` }) },
  "PUT /api/sessions/:id/webhook": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: `/api/sessions/${(await sessionFor(c)).sessionId}/webhook`, json: { url: `${c.w.base}/api/health?cell=${c.cell.n}` } }),
  },
  "DELETE /api/sessions/:id/webhook": {
    expect: TENANT_MANAGE,
    request: async (c) => {
      const session = await sessionFor(c);
      if (c.allowed)
        expectOk(await request("PUT", `/api/sessions/${session.sessionId}/webhook`, { as: ownerA(c), json: { url: `${c.w.base}/api/health` } }), "set the URL");
      return { path: `/api/sessions/${session.sessionId}/webhook` };
    },
  },
  "GET /api/sessions/:id/webhooks": { expect: TENANT_MANAGE, request: (c) => ({ path: `/api/sessions/${sA(c)}/webhooks` }) },
  "POST /api/sessions/:id/webhooks": {
    expect: TENANT_MANAGE,
    request: async (c) => ({
      path: `/api/sessions/${(await sessionFor(c)).sessionId}/webhooks`,
      json: { url: `${c.w.base}/api/health?cell=${c.cell.n}`, events: ["message"] },
    }),
  },
  "DELETE /api/sessions/:id/webhooks": {
    expect: TENANT_MANAGE,
    request: async (c) => {
      const session = await sessionFor(c);
      const url = `${c.w.base}/api/health?cell=${c.cell.n}`;
      if (c.allowed) expectOk(await request("POST", `/api/sessions/${session.sessionId}/webhooks`, { as: ownerA(c), json: { url } }), "add the URL");
      return { path: `/api/sessions/${session.sessionId}/webhooks`, json: { url } };
    },
  },
  "GET /api/websocket/stats": {
    expect: ANY_USER,
    request: () => ({
      path: "/api/websocket/stats",
      check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ success: true, data: { totalConnections: expect.any(Number), sessionRooms: expect.any(Object) } });
      },
    }),
  },

  // --- sandbox ----------------------------------------------------------------------------------
  "POST /api/sandbox/sessions/:id/scan": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: `/api/sandbox/sessions/${(await sessionFor(c, (o) => qrSession(o))).sessionId}/scan`, json: {} }),
  },
  "POST /api/sandbox/sessions/:id/fault": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: `/api/sandbox/sessions/${(await sessionFor(c, (o) => pairedSession(o))).sessionId}/fault`, json: { kind: "drop" } }),
  },
  "GET /api/sandbox/contacts": {
    expect: ANY_USER,
    request: () => ({
      path: "/api/sandbox/contacts",
      check(res, ok) {
        if (ok) expect(res.body).toContainEqual(expect.objectContaining({ phone: CONTACT }));
      },
    }),
  },
  "POST /api/sandbox/contacts": {
    expect: created(OWNERS),
    request: (c) => ({ path: "/api/sandbox/contacts", json: { phone: `1555077${String(1000 + c.cell.n).slice(-4)}`, name: `Contact ${c.cell.n}` } }),
  },
  "GET /api/sandbox/contacts/:id/messages": { expect: ANY_USER, request: () => ({ path: `/api/sandbox/contacts/${CONTACT}/messages` }) },
  "POST /api/sandbox/contacts/:id/messages": {
    // Another tenant's session is "not one of your paired sessions" (400 on `to`), like a wrong number.
    expect: [401, 401, 200, 200, 400, 200, 400, 400],
    request: (c) => ({ path: `/api/sandbox/contacts/${CONTACT}/messages`, json: { to: sA(c), text: `hi from cell ${c.cell.n}` } }),
  },
  "GET /api/sandbox/contacts/:id/messages/:id/media": {
    expect: TENANT_READ,
    request: (c) => ({ path: `/api/sandbox/contacts/${CONTACT}/messages/${encodeURIComponent(c.w.contactMessageA)}/media` }),
  },

  // --- messages, chats, media -------------------------------------------------------------------
  "POST /api/chat/send": {
    expect: TENANT_READ,
    request: (c) => ({
      path: "/api/chat/send",
      json: send(c, { text: `matrix cell ${c.cell.n}` }),
      check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ success: true, messageId: expect.any(String) });
      },
    }),
  },
  "GET /api/chat/:id": {
    expect: TENANT_READ,
    request: (c) => ({
      path: `/api/chat/${sA(c)}`,
      check(res, ok) {
        if (ok) expect(res.body).toContainEqual(expect.objectContaining({ jid: CONTACT_JID }));
      },
    }),
  },
  "GET /api/chat/:id/:id": { expect: TENANT_READ, request: (c) => ({ path: `/api/chat/${sA(c)}/${encodeURIComponent(CONTACT_JID)}?limit=5` }) },
  "POST /api/chat/check-number": { expect: TENANT_READ, request: (c) => ({ path: "/api/chat/check-number", json: { sessionId: sA(c), phones: [CONTACT] } }) },
  "POST /api/chat/mark-read": { expect: TENANT_READ, request: (c) => ({ path: "/api/chat/mark-read", json: { sessionId: sA(c), jid: CONTACT } }) },
  "POST /api/chat/presence": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/chat/presence", json: { sessionId: sA(c), jid: CONTACT, presence: "composing" } }),
  },
  "POST /api/chat/profile-picture": { expect: TENANT_READ, request: (c) => ({ path: "/api/chat/profile-picture", json: { sessionId: sA(c), jid: CONTACT } }) },
  "GET /api/media/:id": { expect: TENANT_READ, request: (c) => ({ path: `/api/media/${c.w.mediaA}` }) },
  "POST /api/media": {
    expect: created(TENANT_READ),
    body: "multipart",
    request: (c) => ({ path: "/api/media", form: pngForm({ sessionId: sA(c) }) }),
  },
  "POST /api/messages/sticker": {
    expect: TENANT_READ,
    body: "multipart",
    request: (c) => ({ path: "/api/messages/sticker", form: pngForm({ sessionId: sA(c), jid: CONTACT }), check: okSuccess }),
  },

  // --- Chatery's doors (/api/whatsapp/…) --------------------------------------------------------
  "POST /api/whatsapp/chats/check-number": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/whatsapp/chats/check-number", json: { sessionId: sA(c), phone: CONTACT }, check: okSuccess }),
  },
  "POST /api/whatsapp/chats/profile-picture": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/whatsapp/chats/profile-picture", json: { sessionId: sA(c), phone: CONTACT }, check: okSuccess }),
  },
  "POST /api/whatsapp/chats/info": { expect: TENANT_READ, request: (c) => ({ path: "/api/whatsapp/chats/info", json: seed003(c, {}), check: okSuccess }) },
  "POST /api/whatsapp/chats/mark-read": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/whatsapp/chats/mark-read", json: seed003(c, {}), check: okSuccess }),
  },
  "POST /api/whatsapp/chats/messages": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/whatsapp/chats/messages", json: seed003(c, { limit: 5 }), check: okSuccess }),
  },
  "POST /api/whatsapp/chats/overview": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/whatsapp/chats/overview", json: { sessionId: sA(c), limit: 5 }, check: okSuccess }),
  },
  "POST /api/whatsapp/contacts": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/whatsapp/contacts", json: { sessionId: sA(c), limit: 5 }, check: okSuccess }),
  },
  "POST /api/whatsapp/chats/presence": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/whatsapp/chats/presence", json: seed003(c, { presence: "paused" }), check: okSuccess }),
  },
  "POST /api/whatsapp/chats/send-text": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/whatsapp/chats/send-text", json: seed003(c, { message: `cell ${c.cell.n}` }), check: okSuccess }),
  },
  "POST /api/whatsapp/chats/send-image": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/whatsapp/chats/send-image", json: seed003(c, { imageUrl: `${c.w.files}/image.png`, caption: "x" }), check: okSuccess }),
  },
  "POST /api/whatsapp/chats/send-document": {
    expect: TENANT_READ,
    request: (c) => ({
      path: "/api/whatsapp/chats/send-document",
      json: seed003(c, { documentUrl: `${c.w.files}/doc.pdf`, filename: "doc.pdf" }),
      check: okSuccess,
    }),
  },
  "POST /api/whatsapp/chats/send-audio": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/whatsapp/chats/send-audio", json: seed003(c, { audioUrl: `${c.w.files}/audio.ogg` }), check: okSuccess }),
  },
  "POST /api/whatsapp/chats/send-location": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/whatsapp/chats/send-location", json: seed003(c, { latitude: 52.52, longitude: 13.4 }), check: okSuccess }),
  },
  "POST /api/whatsapp/chats/send-contact": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/whatsapp/chats/send-contact", json: seed003(c, { contactName: "Bob", contactPhone: "15550100003" }), check: okSuccess }),
  },
  "POST /api/whatsapp/chats/send-poll": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/whatsapp/chats/send-poll", json: seed003(c, { question: "Which?", options: ["a", "b"] }), check: okSuccess }),
  },
  "POST /api/whatsapp/chats/send-button": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/whatsapp/chats/send-button", json: seed003(c, { text: "Pick", buttons: ["yes", "no"] }), check: okSuccess }),
  },

  // --- webhooks ---------------------------------------------------------------------------------
  "GET /api/webhooks": { expect: OWNERS, request: () => ({ path: "/api/webhooks" }) },
  "POST /api/webhooks": {
    expect: OWNERS,
    request: (c) => ({ path: "/api/webhooks", json: { name: `cell ${c.cell.n}`, url: `${c.w.base}/api/health`, events: ["message", "message.received"] } }),
  },
  "GET /api/webhooks/:id": { expect: TENANT_MANAGE, request: (c) => ({ path: `/api/webhooks/${c.w.webhookA}` }) },
  "PATCH /api/webhooks/:id": {
    expect: TENANT_MANAGE,
    request: (c) => ({ path: `/api/webhooks/${c.w.webhookA}`, json: { name: `patched by cell ${c.cell.n}` } }),
  },
  "DELETE /api/webhooks/:id": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: `/api/webhooks/${c.allowed ? await newWebhookA(c) : c.w.webhookA}` }),
  },
  "GET /api/webhooks/:id/secret": { expect: TENANT_MANAGE, request: (c) => ({ path: `/api/webhooks/${c.w.webhookA}/secret` }) },
  "POST /api/webhooks/:id/secret": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: `/api/webhooks/${c.allowed ? await newWebhookA(c) : c.w.webhookA}/secret` }),
  },
  "POST /api/webhooks/:id/test": { expect: TENANT_MANAGE, request: (c) => ({ path: `/api/webhooks/${c.w.webhookA}/test` }) },
  "GET /api/webhooks/:id/deliveries": { expect: TENANT_MANAGE, request: (c) => ({ path: `/api/webhooks/${c.w.webhookA}/deliveries?limit=5` }) },
  "POST /api/webhooks/:id/replay": { expect: TENANT_MANAGE, request: (c) => ({ path: `/api/webhooks/${c.w.webhookA}/replay`, json: { status: "FAILED" } }) },
  "POST /api/webhooks/:id/deliveries/:id/replay": {
    expect: TENANT_MANAGE,
    // A delivery being replayed is PENDING and refuses another replay (409): each allowed cell takes
    // a settled delivery of its own (webhookA hears every event of sessionA, so there are plenty).
    request: async (c) => ({ path: `/api/webhooks/${c.w.webhookA}/deliveries/${c.allowed ? await unusedSettledDelivery(c) : c.w.deliveryA}/replay` }),
  },

  // --- users, keys, auth --------------------------------------------------------------------------
  "GET /api/user/api-key": {
    expect: ANY_USER,
    request: (c) => ({
      path: "/api/user/api-key",
      check(res, ok) {
        if (ok) expect(res.body.apiKey).toBe(`wag_…${c.actor!.apiKey.slice(-4)}`);
      },
    }),
  },
  "POST /api/user/api-key": {
    expect: ANY_USER,
    request: async (c) => {
      const actor = await freshActor(c.w, c.cell.caller);
      return {
        path: "/api/user/api-key",
        as: actor && c.cell.via ? as(actor, c.cell.via) : null,
        async check(res, ok) {
          if (!ok) return;
          const me = await request("GET", "/api/users/me", { as: { apiKey: res.body.apiKey } });
          expect(me.body?.id, "the new key acts as its user").toBe(actor!.id);
          expect((await request("GET", "/api/users/me", { as: { apiKey: actor!.apiKey } })).status, "the old key is dead").toBe(401);
        },
      };
    },
  },
  "DELETE /api/user/api-key": {
    expect: ANY_USER,
    request: async (c) => {
      const actor = await freshActor(c.w, c.cell.caller);
      return {
        path: "/api/user/api-key",
        as: actor && c.cell.via ? as(actor, c.cell.via) : null,
        async check(res, ok) {
          if (!ok) return;
          expect(res.body).toEqual({ success: true });
          expect((await request("GET", "/api/users/me", { as: { apiKey: actor!.apiKey } })).status, "the revoked key is dead").toBe(401);
        },
      };
    },
  },
  "GET /api/users/me": {
    expect: ANY_USER,
    request: (c) => ({
      path: "/api/users/me",
      check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ id: c.actor!.id, role: c.actor!.role, username: c.actor!.username });
      },
    }),
  },
  "PATCH /api/users/me": {
    expect: ANY_USER,
    request: (c) => {
      const name = `Renamed self in cell ${c.cell.n}`;
      return {
        path: "/api/users/me",
        json: { name },
        check(res, ok) {
          if (ok) expect(res.body).toMatchObject({ id: c.actor!.id, name, role: c.actor!.role });
        },
      };
    },
  },
  "GET /api/users": {
    expect: OWNERS,
    request: (c) => ({
      path: "/api/users",
      check(res, ok) {
        if (!ok) return;
        const ids = (res.body as Array<{ id: string }>).map((u) => u.id);
        if (c.actor!.role === "SUPERADMIN") expect(ids).toEqual(expect.arrayContaining([c.w.ownerA.id, c.w.ownerB.id, c.w.staffA.id, c.w.staffB.id]));
        else
          expect(
            (res.body as Array<{ ownerId: string }>).every((u) => u.ownerId === c.actor!.id),
            "an owner lists only its staff",
          ).toBe(true);
      },
    }),
  },
  "POST /api/users": {
    expect: created(OWNERS),
    request: (c) => {
      const input = newUserInput(`made${c.cell.n}`);
      return {
        path: "/api/users",
        json: c.cell.caller === "superadmin" ? { ...input, role: "OWNER" } : input,
        check(res, ok) {
          if (!ok) return;
          if (c.actor!.role === "SUPERADMIN") expect(res.body).toMatchObject({ username: input.username, role: "OWNER", ownerId: null });
          else expect(res.body).toMatchObject({ username: input.username, role: "STAFF", ownerId: c.actor!.id });
        },
      };
    },
  },
  "PATCH /api/users/:id": {
    expect: TENANT_MANAGE,
    request: async (c) => {
      const name = `Patched by cell ${c.cell.n}`;
      // Its own target per cell: cells run concurrently, and the answer re-reads the user.
      const target = await createUser(ownerA(c), newUserInput(`patch${c.cell.n}`));
      return {
        path: `/api/users/${target.id}`,
        json: { name },
        async check(res, ok) {
          if (ok) expect(res.body).toMatchObject({ id: target.id, name });
          else expect((await peekUser(ownerA(c), target.id))?.name).not.toBe(name);
        },
      };
    },
  },
  "DELETE /api/users/:id": {
    expect: TENANT_MANAGE,
    request: async (c) => {
      const target = await createUser(ownerA(c), newUserInput(`doomed${c.cell.n}`));
      return {
        path: `/api/users/${target.id}`,
        async check(res, ok) {
          if (ok) expect(res.body).toEqual({ success: true });
          expect(await peekUser(ownerA(c), target.id), ok ? "user should be gone" : "user should survive").toEqual(
            ok ? null : expect.objectContaining({ id: target.id }),
          );
        },
      };
    },
  },
  "GET /api/users/:id/sessions": {
    expect: TENANT_MANAGE,
    request: (c) => ({
      path: `/api/users/${c.w.staffA.id}/sessions`,
      check(res, ok) {
        if (ok) expect(res.body).toContainEqual(expect.objectContaining({ sessionId: sA(c) }));
      },
    }),
  },
  "PUT /api/users/:id/sessions": {
    expect: TENANT_MANAGE,
    request: async (c) => {
      // Its own target per cell: cells run concurrently.
      const target = await createUser(ownerA(c), newUserInput(`assign${c.cell.n}`));
      return {
        path: `/api/users/${target.id}/sessions`,
        json: { sessionIds: [sA(c)] },
        async check(res, ok) {
          const now = expectOk(await request("GET", `/api/users/${target.id}/sessions`, { as: ownerA(c) }), "read assignments").body;
          expect(now.map((s: PublicSession) => s.sessionId)).toEqual(ok ? [sA(c)] : []);
          if (ok) expect(res.body).toEqual([expect.objectContaining({ sessionId: sA(c) })]);
        },
      };
    },
  },
  "POST /api/auth/register": {
    expect: PUBLIC_ROUTE,
    request: (c) => {
      const input = newUserInput(`reg${c.cell.n}`);
      return {
        path: "/api/auth/register",
        json: input,
        check(res, ok) {
          if (!ok) return;
          expect(res.body.user).toMatchObject({ username: input.username, role: "OWNER" });
          expect(sessionCookieFrom(res)).toMatch(/^authjs\.session-token=.+/);
        },
      };
    },
  },
  "POST /api/auth/login": {
    expect: PUBLIC_ROUTE,
    request: (c) => ({
      path: "/api/auth/login",
      json: { username: c.w.loginUser.username, password: c.w.loginUser.password },
      check(res, ok) {
        if (!ok) return;
        expect(res.body).toMatchObject({ message: "Login successful", user: { username: c.w.loginUser.username } });
        expect(sessionCookieFrom(res)).toMatch(/^authjs\.session-token=.+/);
      },
    }),
  },
  "POST /api/auth/logout": {
    expect: PUBLIC_ROUTE,
    // Logging out really ends the cookie it is given: a throw-away caller in the same position.
    request: async (c) => {
      const actor = await freshActor(c.w, c.cell.caller);
      return {
        path: "/api/auth/logout",
        as: actor && c.cell.via ? as(actor, c.cell.via) : null,
        check(res, ok) {
          if (!ok) return;
          expect(res.body).toEqual({ message: "Logged out successfully" });
          expect(res.headers.getSetCookie().join("\n")).toMatch(/authjs\.session-token=;.*Max-Age=0/);
        },
      };
    },
  },
  "GET /api/health": {
    expect: PUBLIC_ROUTE,
    request: () => ({
      path: "/api/health",
      check(res, ok) {
        if (ok) expect(res.body).toEqual({ status: "ok" });
      },
    }),
  },
  "GET /api/openapi.json": {
    expect: PUBLIC_ROUTE,
    request: () => ({
      path: "/api/openapi.json",
      check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ openapi: expect.stringMatching(/^3\./), paths: expect.any(Object) });
      },
    }),
  },
  // --- automation (auto-replies, schedules, the Automation API) -----------------------------------
  // automation.manage is STAFF's too, on their assigned sessions: the TENANT_READ row.
  "GET /api/autoreplies": {
    expect: TENANT_READ,
    request: (c) => ({
      path: `/api/autoreplies?sessionId=${sA(c)}`,
      check(res, ok) {
        if (ok) expect(res.body).toContainEqual(expect.objectContaining({ id: c.w.ruleA }));
      },
    }),
  },
  "POST /api/autoreplies": {
    expect: TENANT_READ,
    request: (c) => ({
      path: "/api/autoreplies",
      json: { sessionId: sA(c), keyword: `matrix-cell-${c.cell.n}`, matchType: "EXACT", response: "never sent" },
      check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ id: expect.any(String), keyword: `matrix-cell-${c.cell.n}` });
      },
    }),
  },
  "GET /api/autoreplies/:id": {
    expect: TENANT_READ,
    request: (c) => ({
      path: `/api/autoreplies/${c.w.ruleA}`,
      check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ id: c.w.ruleA, keyword: "matrix-never-said" });
      },
    }),
  },
  "PATCH /api/autoreplies/:id": {
    expect: TENANT_READ,
    request: async (c) => {
      const response = `patched by cell ${c.cell.n}`;
      // Its own rule per allowed cell: cells run concurrently, and the answer re-reads the rule.
      const id = c.allowed ? await newRuleA(c) : c.w.ruleA;
      return {
        path: `/api/autoreplies/${id}`,
        json: { response },
        async check(res, ok) {
          if (ok) expect(res.body).toMatchObject({ id, response });
          else expect((await request("GET", `/api/autoreplies/${id}`, { as: ownerA(c) })).body.response).not.toBe(response);
        },
      };
    },
  },
  "DELETE /api/autoreplies/:id": {
    expect: TENANT_READ,
    request: async (c) => {
      const id = c.allowed ? await newRuleA(c) : c.w.ruleA;
      return {
        path: `/api/autoreplies/${id}`,
        async check(_res, ok) {
          expect((await request("GET", `/api/autoreplies/${id}`, { as: ownerA(c) })).status, ok ? "rule gone" : "rule kept").toBe(ok ? 404 : 200);
        },
      };
    },
  },
  "POST /api/autoreplies/test": {
    expect: TENANT_READ,
    request: (c) => ({
      path: "/api/autoreplies/test",
      json: { sessionId: sA(c), text: "matrix-never-said" },
      check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ matched: true });
      },
    }),
  },
  "GET /api/scheduler": {
    expect: TENANT_READ,
    request: (c) => ({
      path: `/api/scheduler?sessionId=${sA(c)}`,
      check(res, ok) {
        if (ok) expect(res.body).toContainEqual(expect.objectContaining({ id: c.w.scheduleA }));
      },
    }),
  },
  "POST /api/scheduler": {
    expect: TENANT_READ,
    request: (c) => ({
      path: "/api/scheduler",
      json: { sessionId: sA(c), jid: CONTACT, content: `cell ${c.cell.n}`, sendAt: FAR_FUTURE },
      check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ id: expect.any(String) });
      },
    }),
  },
  "GET /api/scheduler/:id": {
    expect: TENANT_READ,
    request: (c) => ({
      path: `/api/scheduler/${c.w.scheduleA}`,
      check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ id: c.w.scheduleA });
      },
    }),
  },
  "PATCH /api/scheduler/:id": {
    expect: TENANT_READ,
    request: async (c) => {
      // Pausing is a one-way move per schedule: each allowed cell pauses a recurring one of its own.
      const id = c.allowed ? await newScheduleA(c, { cron: "0 9 * * *", timeZone: "UTC" }) : c.w.scheduleA;
      return {
        path: `/api/scheduler/${id}`,
        json: { status: "PAUSED" },
        async check(res, ok) {
          if (ok) expect(res.body).toMatchObject({ id, status: "PAUSED" });
          else expect((await request("GET", `/api/scheduler/${id}`, { as: ownerA(c) })).body.status).not.toBe("PAUSED");
        },
      };
    },
  },
  "DELETE /api/scheduler/:id": {
    expect: TENANT_READ,
    request: async (c) => {
      const id = c.allowed ? await newScheduleA(c) : c.w.scheduleA;
      return {
        path: `/api/scheduler/${id}`,
        async check(_res, ok) {
          const status = (await request("GET", `/api/scheduler/${id}`, { as: ownerA(c) })).body?.status;
          if (ok) expect(status).toMatch(/CANCEL/);
          else expect(status).not.toMatch(/CANCEL/);
        },
      };
    },
  },
  "POST /api/messages/variations/preview": {
    expect: ANY_USER,
    request: () => ({
      path: "/api/messages/variations/preview",
      json: { text: "Hello {there|friend}", count: 2 },
    }),
  },
  // The Automation API acts on the caller's default session (their oldest; an owner without one gets
  // one made): everyone has one except staff with no session assigned.
  "POST /api/messages/send": {
    expect: DEFAULT_SESSION,
    request: (c) => ({ path: "/api/messages/send", json: { phoneId: CONTACT, message: `automation cell ${c.cell.n}` } }),
  },
  "POST /api/messages/schedule": {
    expect: DEFAULT_SESSION,
    request: (c) => ({ path: "/api/messages/schedule", json: { phoneId: CONTACT, message: `automation cell ${c.cell.n}`, scheduledTime: FAR_FUTURE } }),
  },
  "GET /api/messages/queue": { expect: DEFAULT_SESSION, request: () => ({ path: "/api/messages/queue?limit=5" }) },
  "GET /api/whatsapp/groups": {
    expect: DEFAULT_SESSION,
    request: (c) => ({
      path: "/api/whatsapp/groups",
      check(res, ok) {
        if (ok && c.actor?.id === c.w.ownerA.id) expect(res.body).toContainEqual(expect.objectContaining({ id: c.w.groupA }));
      },
    }),
  },

  // --- groups, statuses, message actions --------------------------------------------------------
  // Reading a group is reading the session (TENANT_READ); administering it is groups.manage, which
  // STAFF never have (403, checked before the session).
  "GET /api/groups": {
    expect: TENANT_READ,
    request: (c) => ({
      path: `/api/groups?sessionId=${sA(c)}`,
      check(res, ok) {
        if (ok) expect((res.body as Array<{ jid: string }>).map((g) => g.jid)).toContain(c.w.groupA);
      },
    }),
  },
  "GET /api/groups/:id/:id": {
    expect: TENANT_READ,
    request: (c) => ({
      path: groupPath(c, ""),
      check(res, ok) {
        if (ok) expect(JSON.stringify(res.body)).toContain(c.w.groupA);
      },
    }),
  },
  "POST /api/groups/create": {
    expect: TENANT_MANAGE,
    request: (c) => ({ path: "/api/groups/create", json: { sessionId: sA(c), subject: `cell ${c.cell.n}`, participants: [CONTACT] }, check: okSuccess }),
  },
  "POST /api/groups/join": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: "/api/groups/join", json: { sessionId: sA(c), inviteCode: await rejoinableInvite(c) } }),
  },
  "GET /api/groups/:id/:id/invite-code": { expect: TENANT_MANAGE, request: (c) => ({ path: groupPath(c, "/invite-code") }) },
  "POST /api/groups/:id/:id/invite-code/revoke": { expect: TENANT_MANAGE, request: (c) => ({ path: groupPath(c, "/invite-code/revoke") }) },
  "GET /api/groups/:id/:id/join-requests": { expect: TENANT_MANAGE, request: (c) => ({ path: groupPath(c, "/join-requests") }) },
  "POST /api/groups/:id/:id/join-requests/:id": {
    expect: TENANT_MANAGE,
    request: (c) => ({ path: groupPath(c, "/join-requests/reject"), json: { participants: ["15550100003"] } }),
  },
  "POST /api/groups/:id/:id/join-approval": { expect: TENANT_MANAGE, request: (c) => ({ path: groupPath(c, "/join-approval"), json: { enabled: false } }) },
  "POST /api/groups/:id/:id/description": {
    expect: TENANT_MANAGE,
    request: (c) => ({ path: groupPath(c, "/description"), json: { description: `described by cell ${c.cell.n}` } }),
  },
  "POST /api/groups/:id/:id/subject": { expect: TENANT_MANAGE, request: (c) => ({ path: groupPath(c, "/subject"), json: { subject: `Matrix ${c.cell.n}` } }) },
  "POST /api/groups/:id/:id/settings": { expect: TENANT_MANAGE, request: (c) => ({ path: groupPath(c, "/settings"), json: { setting: "not_announcement" } }) },
  "POST /api/groups/:id/:id/picture": { expect: TENANT_MANAGE, request: (c) => ({ path: groupPath(c, "/picture"), json: { url: `${c.w.files}/image.png` } }) },
  "POST /api/groups/:id/:id/participants/:id": {
    expect: TENANT_MANAGE,
    request: (c) => ({ path: groupPath(c, "/participants/add"), json: { participants: [CONTACT] } }),
  },
  "POST /api/groups/:id/:id/leave": {
    expect: TENANT_MANAGE,
    request: async (c) => {
      const group = c.allowed ? await newGroupA(ownerA(c), sA(c), `leave ${c.cell.n}`) : c.w.groupA;
      return { path: `/api/groups/${sA(c)}/${encodeURIComponent(group)}/leave` };
    },
  },
  "GET /api/status": { expect: TENANT_READ, request: (c) => ({ path: `/api/status?sessionId=${sA(c)}&limit=5` }) },
  "POST /api/status/update": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/status/update", json: { sessionId: sA(c), type: "TEXT", content: `status of cell ${c.cell.n}`, recipients: [CONTACT] } }),
  },
  "POST /api/chat/:id/:id/messages/:id/:id": {
    expect: TENANT_READ,
    request: (c) => ({ path: `/api/chat/${sA(c)}/${encodeURIComponent(CONTACT_JID)}/messages/${c.w.sentA}/react`, json: { emoji: "👍" } }),
  },
  "GET /api/sandbox/contacts/:id/groups": {
    expect: ANY_USER,
    request: (c) => ({
      path: `/api/sandbox/contacts/${CONTACT}/groups`,
      check(res, ok) {
        // Only groups that have one of the caller's sessions: tenant A's group for tenant A alone.
        if (!ok) return;
        const jids = (res.body as Array<{ jid: string }>).map((g) => g.jid);
        if (c.cell.caller === "owner" || c.cell.caller === "staff") expect(jids).toContain(c.w.groupA);
        if (c.cell.caller === "otherOwner" || c.cell.caller === "otherStaff" || c.cell.caller === "unassignedStaff") expect(jids).not.toContain(c.w.groupA);
      },
    }),
  },
  "POST /api/sandbox/contacts/:id/groups": {
    expect: TENANT_READ,
    request: (c) => ({ path: `/api/sandbox/contacts/${CONTACT}/groups`, json: { op: "send", group: c.w.groupA, text: `contact in cell ${c.cell.n}` } }),
  },
  "POST /api/sandbox/contacts/:id/status": {
    expect: ANY_USER,
    request: (c) => ({ path: `/api/sandbox/contacts/${CONTACT}/status`, json: { text: `contact status ${c.cell.n}` } }),
  },
  "PUT /api/sandbox/contacts/:id/addressing": {
    // A contact of tenant A's own (a demo contact is everyone's): another tenant's is a 404.
    expect: TENANT_MANAGE,
    request: (c) => ({
      path: `/api/sandbox/contacts/${CONTACT_A}/addressing`,
      json: { lid: c.cell.n % 2 === 0 },
      check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ phone: CONTACT_A, lidAddressing: c.cell.n % 2 === 0 });
      },
    }),
  },

  // --- Chatery's group doors (/api/whatsapp/groups/…) ---------------------------------------------
  "POST /api/whatsapp/groups": { expect: TENANT_READ, request: (c) => ({ path: "/api/whatsapp/groups", json: { sessionId: sA(c) }, check: okSuccess }) },
  "POST /api/whatsapp/groups/metadata": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/whatsapp/groups/metadata", json: chateryGroup(c), check: okSuccess }),
  },
  "POST /api/whatsapp/groups/create": {
    expect: TENANT_MANAGE,
    request: (c) => ({
      path: "/api/whatsapp/groups/create",
      json: { sessionId: sA(c), name: `chatery ${c.cell.n}`, participants: [CONTACT] },
      check: okSuccess,
    }),
  },
  "POST /api/whatsapp/groups/join": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: "/api/whatsapp/groups/join", json: { sessionId: sA(c), inviteCode: await rejoinableInvite(c) }, check: okSuccess }),
  },
  "POST /api/whatsapp/groups/leave": {
    expect: TENANT_MANAGE,
    request: async (c) => ({
      path: "/api/whatsapp/groups/leave",
      json: { sessionId: sA(c), groupId: c.allowed ? await newGroupA(ownerA(c), sA(c), `chatery leave ${c.cell.n}`) : c.w.groupA },
      check: okSuccess,
    }),
  },
  "POST /api/whatsapp/groups/description": {
    expect: TENANT_MANAGE,
    request: (c) => ({ path: "/api/whatsapp/groups/description", json: chateryGroup(c, { description: `cell ${c.cell.n}` }), check: okSuccess }),
  },
  "POST /api/whatsapp/groups/subject": {
    expect: TENANT_MANAGE,
    request: (c) => ({ path: "/api/whatsapp/groups/subject", json: chateryGroup(c, { subject: `Matrix ${c.cell.n}` }), check: okSuccess }),
  },
  "POST /api/whatsapp/groups/settings": {
    expect: TENANT_MANAGE,
    request: (c) => ({ path: "/api/whatsapp/groups/settings", json: chateryGroup(c, { setting: "unlocked" }), check: okSuccess }),
  },
  "POST /api/whatsapp/groups/picture": {
    expect: TENANT_MANAGE,
    request: (c) => ({ path: "/api/whatsapp/groups/picture", json: chateryGroup(c, { imageUrl: `${c.w.files}/image.png` }), check: okSuccess }),
  },
  "POST /api/whatsapp/groups/invite-code": {
    expect: TENANT_MANAGE,
    request: (c) => ({ path: "/api/whatsapp/groups/invite-code", json: chateryGroup(c), check: okSuccess }),
  },
  "POST /api/whatsapp/groups/revoke-invite": {
    expect: TENANT_MANAGE,
    request: (c) => ({ path: "/api/whatsapp/groups/revoke-invite", json: chateryGroup(c), check: okSuccess }),
  },
  "POST /api/whatsapp/groups/participants/add": {
    expect: TENANT_MANAGE,
    request: (c) => ({ path: "/api/whatsapp/groups/participants/add", json: chateryGroup(c, { participants: [CONTACT] }), check: okSuccess }),
  },
  "POST /api/whatsapp/groups/participants/remove": {
    expect: TENANT_MANAGE,
    // Someone who is not in the group: a result per participant, and groupA keeps CONTACT.
    request: (c) => ({ path: "/api/whatsapp/groups/participants/remove", json: chateryGroup(c, { participants: ["15550100003"] }), check: okSuccess }),
  },
  "POST /api/whatsapp/groups/participants/promote": {
    expect: TENANT_MANAGE,
    request: (c) => ({ path: "/api/whatsapp/groups/participants/promote", json: chateryGroup(c, { participants: [CONTACT] }), check: okSuccess }),
  },
  "POST /api/whatsapp/groups/participants/demote": {
    expect: TENANT_MANAGE,
    request: (c) => ({ path: "/api/whatsapp/groups/participants/demote", json: chateryGroup(c, { participants: [CONTACT] }), check: okSuccess }),
  },

  // --- campaigns, recipient lists, opt-outs, bulk doors --------------------------------------------
  // A campaign is its session's: read with sessions.read, changed with sessions.send (staff assigned
  // to the session may). Lists are the tenant's (sessions.send): all its staff share them.
  "GET /api/campaigns": {
    expect: ANY_USER,
    request: (c) => ({
      path: "/api/campaigns",
      check(res, ok) {
        if (!ok) return;
        const sees = JSON.stringify(res.body).includes(c.w.campaignA);
        if (["superadmin", "owner", "staff"].includes(c.cell.caller)) expect(sees, "sees tenant A's campaign").toBe(true);
        else expect(sees, "does not see tenant A's campaign").toBe(false);
      },
    }),
  },
  "POST /api/campaigns": {
    expect: created(TENANT_READ),
    request: (c) => ({
      path: "/api/campaigns",
      json: { name: `cell ${c.cell.n}`, sessionId: sA(c), message: { text: "Hi {{Name|there}}" }, recipients: [CONTACT] },
    }),
  },
  "GET /api/campaigns/:id": {
    expect: TENANT_READ,
    request: (c) => ({
      path: `/api/campaigns/${c.w.campaignA}`,
      check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ id: c.w.campaignA });
      },
    }),
  },
  "DELETE /api/campaigns/:id": {
    expect: TENANT_READ,
    request: async (c) => {
      const id = c.allowed ? await newCampaignA(ownerA(c), sA(c)) : c.w.campaignA;
      return {
        path: `/api/campaigns/${id}`,
        async check(_res, ok) {
          expect((await request("GET", `/api/campaigns/${id}`, { as: ownerA(c) })).status, ok ? "campaign gone" : "campaign kept").toBe(ok ? 404 : 200);
        },
      };
    },
  },
  "GET /api/campaigns/:id/recipients": { expect: TENANT_READ, request: (c) => ({ path: `/api/campaigns/${c.w.campaignA}/recipients?limit=5` }) },
  "GET /api/campaigns/:id/stats": { expect: TENANT_READ, request: (c) => ({ path: `/api/campaigns/${c.w.campaignA}/stats` }) },
  "POST /api/campaigns/:id/start": { expect: TENANT_READ, request: (c) => campaignMove(c, "start", "draft") },
  "POST /api/campaigns/:id/pause": { expect: TENANT_READ, request: (c) => campaignMove(c, "pause", "scheduled") },
  "POST /api/campaigns/:id/resume": { expect: TENANT_READ, request: (c) => campaignMove(c, "resume", "paused") },
  "POST /api/campaigns/:id/cancel": { expect: TENANT_READ, request: (c) => campaignMove(c, "cancel", "draft") },
  "POST /api/campaigns/:id/retry-failed": { expect: TENANT_READ, request: (c) => campaignMove(c, "retry-failed", "scheduled") },
  "POST /api/campaigns/preview": {
    expect: ANY_USER,
    request: () => ({ path: "/api/campaigns/preview", json: { message: { text: "Hi {{Name|there}}" }, recipients: [CONTACT] } }),
  },
  "POST /api/messages/broadcast": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/messages/broadcast", json: { sessionId: sA(c), recipients: [CONTACT], message: `broadcast ${c.cell.n}`, delay: 0 } }),
  },
  "GET /api/recipient-lists": {
    expect: ANY_USER,
    request: (c) => ({
      path: "/api/recipient-lists",
      check(res, ok) {
        if (!ok) return;
        const sees = JSON.stringify(res.body).includes(c.w.listA);
        if (["owner", "staff", "unassignedStaff"].includes(c.cell.caller)) expect(sees, "tenant A's list").toBe(true);
        if (["otherOwner", "otherStaff"].includes(c.cell.caller)) expect(sees, "not tenant A's list").toBe(false);
      },
    }),
  },
  "POST /api/recipient-lists": {
    expect: created(ANY_USER),
    request: (c) => ({ path: "/api/recipient-lists", json: { name: `cell ${c.cell.n}`, tags: ["matrix"], recipients: [CONTACT] } }),
  },
  "GET /api/recipient-lists/:id": { expect: TENANT_LISTS, request: (c) => ({ path: `/api/recipient-lists/${c.w.listA}` }) },
  "PUT /api/recipient-lists/:id": {
    expect: TENANT_LISTS,
    request: (c) => ({ path: `/api/recipient-lists/${c.w.listA}`, json: { description: `described by cell ${c.cell.n}` } }),
  },
  "DELETE /api/recipient-lists/:id": {
    expect: TENANT_LISTS,
    request: async (c) => {
      const id = c.allowed ? await newListA(c) : c.w.listA;
      return {
        path: `/api/recipient-lists/${id}`,
        async check(_res, ok) {
          expect((await request("GET", `/api/recipient-lists/${id}`, { as: ownerA(c) })).status, ok ? "list gone" : "list kept").toBe(ok ? 404 : 200);
        },
      };
    },
  },
  "GET /api/recipient-lists/:id/export": { expect: TENANT_LISTS, request: (c) => ({ path: `/api/recipient-lists/${c.w.listA}/export` }) },
  "POST /api/recipient-lists/:id/import": {
    expect: TENANT_LISTS,
    // A raw CSV body (streamed by the route); a dry run leaves the list as it is.
    request: (c) => ({ path: `/api/recipient-lists/${c.w.listA}/import?dryRun=true`, raw: { body: `number,name\n${CONTACT},Matrix\n`, type: "text/csv" } }),
  },
  "POST /api/recipient-lists/:id/clone": {
    expect: created(TENANT_LISTS),
    request: (c) => ({ path: `/api/recipient-lists/${c.w.listA}/clone`, json: { newName: `clone ${c.cell.n}` } }),
  },
  "GET /api/opt-outs": { expect: ANY_USER, request: () => ({ path: "/api/opt-outs" }) },
  "POST /api/opt-outs": {
    expect: created(OWNERS),
    request: (c) => ({ path: "/api/opt-outs", json: { phone: `1555066${String(1000 + c.cell.n).slice(-4)}`, reason: "matrix" } }),
  },
  "DELETE /api/opt-outs/:id": {
    expect: TENANT_MANAGE,
    request: async (c) => {
      const id = c.allowed
        ? expectOk(await request("POST", "/api/opt-outs", { as: ownerA(c), json: { phone: `1555055${String(1000 + c.cell.n).slice(-4)}` } }), "opt-out", 201)
            .body.id
        : c.w.optOutA;
      return { path: `/api/opt-outs/${id}` };
    },
  },
  "POST /api/whatsapp/chats/send-bulk": {
    expect: TENANT_READ,
    request: (c) => ({
      path: "/api/whatsapp/chats/send-bulk",
      json: { sessionId: sA(c), recipients: [CONTACT], message: `bulk ${c.cell.n}` },
      check: okSuccess,
    }),
  },
  "POST /api/whatsapp/chats/send-bulk-image": {
    expect: TENANT_READ,
    request: (c) => ({
      path: "/api/whatsapp/chats/send-bulk-image",
      json: { sessionId: sA(c), recipients: [CONTACT], imageUrl: `${c.w.files}/image.png`, caption: "bulk" },
      check: okSuccess,
    }),
  },
  "POST /api/whatsapp/chats/send-bulk-document": {
    expect: TENANT_READ,
    request: (c) => ({
      path: "/api/whatsapp/chats/send-bulk-document",
      json: { sessionId: sA(c), recipients: [CONTACT], documentUrl: `${c.w.files}/doc.pdf`, filename: "doc.pdf" },
      check: okSuccess,
    }),
  },
  "POST /api/whatsapp/chats/bulk-jobs": {
    expect: TENANT_READ,
    request: (c) => ({ path: "/api/whatsapp/chats/bulk-jobs", json: { sessionId: sA(c) }, check: okSuccess }),
  },
  "GET /api/whatsapp/chats/bulk-status/:id": {
    expect: TENANT_READ,
    request: (c) => ({ path: `/api/whatsapp/chats/bulk-status/${c.w.campaignA}`, check: okSuccess }),
  },

  // --- the Campaign API (/api/v1/…) ---------------------------------------------------------------
  "GET /api/v1/campaigns": { expect: ANY_USER, request: () => ({ path: "/api/v1/campaigns" }) },
  "POST /api/v1/campaigns": {
    expect: created(TENANT_READ),
    request: (c) => ({
      path: "/api/v1/campaigns",
      json: { name: `v1 cell ${c.cell.n}`, sessionId: sA(c), message: { type: "text", content: "Hi" }, recipients: [CONTACT] },
    }),
  },
  "GET /api/v1/campaigns/:id": { expect: TENANT_READ, request: (c) => ({ path: `/api/v1/campaigns/${c.w.campaignA}` }) },
  "DELETE /api/v1/campaigns/:id": {
    expect: TENANT_READ,
    request: async (c) => ({ path: `/api/v1/campaigns/${c.allowed ? await newCampaignA(ownerA(c), sA(c)) : c.w.campaignA}` }),
  },
  "POST /api/v1/campaigns/:id/start": { expect: TENANT_READ, request: (c) => v1CampaignMove(c, "start", "draft") },
  "POST /api/v1/campaigns/:id/pause": { expect: TENANT_READ, request: (c) => v1CampaignMove(c, "pause", "scheduled") },
  "POST /api/v1/campaigns/:id/resume": { expect: TENANT_READ, request: (c) => v1CampaignMove(c, "resume", "paused") },
  "GET /api/v1/recipient-lists": { expect: ANY_USER, request: () => ({ path: "/api/v1/recipient-lists" }) },
  "POST /api/v1/recipient-lists": {
    expect: created(ANY_USER),
    request: (c) => ({ path: "/api/v1/recipient-lists", json: { name: `v1 cell ${c.cell.n}`, recipients: [CONTACT] } }),
  },
  "GET /api/v1/recipient-lists/:id": { expect: TENANT_LISTS, request: (c) => ({ path: `/api/v1/recipient-lists/${c.w.listA}` }) },
  "PUT /api/v1/recipient-lists/:id": {
    expect: TENANT_LISTS,
    request: (c) => ({ path: `/api/v1/recipient-lists/${c.w.listA}`, json: { description: `v1 cell ${c.cell.n}` } }),
  },
  "DELETE /api/v1/recipient-lists/:id": {
    expect: TENANT_LISTS,
    request: async (c) => ({ path: `/api/v1/recipient-lists/${c.allowed ? await newListA(c) : c.w.listA}` }),
  },
  "POST /api/v1/recipient-lists/:id/clone": {
    expect: created(TENANT_LISTS),
    request: (c) => ({ path: `/api/v1/recipient-lists/${c.w.listA}/clone`, json: { newName: `v1 clone ${c.cell.n}` } }),
  },

  // --- security ---------------------------------------------------------------------------------
  "POST /api/users/me/sign-out-everywhere": {
    expect: ANY_USER,
    // It ends every cookie of its caller: a throw-away caller in the same position, never a world actor.
    request: async (c) => {
      const actor = await freshActor(c.w, c.cell.caller);
      return {
        path: "/api/users/me/sign-out-everywhere",
        as: actor && c.cell.via ? as(actor, c.cell.via) : null,
        async check(_res, ok) {
          if (!ok || !actor) return;
          expect((await request("GET", "/api/users/me", { as: { cookie: actor.cookie } })).status, "the old cookie is dead").toBe(401);
        },
      };
    },
  },
  // --- named API keys, audit log, overview, message log ---------------------------------------------
  // A key is its user's own: each cell manages a key it makes itself.
  "GET /api/api-keys": { expect: ANY_USER, request: () => ({ path: "/api/api-keys" }) },
  "POST /api/api-keys": { expect: created(ANY_USER), request: (c) => ({ path: "/api/api-keys", json: { name: `key of cell ${c.cell.n}` } }) },
  "PATCH /api/api-keys/:id": {
    expect: ANY_USER,
    request: async (c) => ({ path: `/api/api-keys/${await ownKey(c)}`, json: { name: `renamed by cell ${c.cell.n}` } }),
  },
  "DELETE /api/api-keys/:id": { expect: ANY_USER, request: async (c) => ({ path: `/api/api-keys/${await ownKey(c)}` }) },
  "GET /api/audit": { expect: OWNERS, request: () => ({ path: "/api/audit" }) },
  "GET /api/overview": { expect: ANY_USER, request: () => ({ path: "/api/overview" }) },
  "GET /api/messages/log": { expect: ANY_USER, request: () => ({ path: "/api/messages/log" }) },

  // --- Clevio's doors (/api/clevio/…, /api/login) -----------------------------------------------
  "POST /api/login": {
    expect: PUBLIC_ROUTE,
    request: (c) => ({ path: "/api/login", json: { username: c.w.loginUser.username, password: c.w.loginUser.password } }),
  },
  "GET /api/clevio/sessions": { expect: ANY_USER, request: () => ({ path: "/api/clevio/sessions" }) },
  "POST /api/clevio/sessions": {
    expect: OWNERS,
    request: (c) => ({ path: "/api/clevio/sessions", json: { sessionId: freshSessionId(c, "clv"), webhookUrl: `${c.w.base}/api/health` } }),
  },
  "DELETE /api/clevio/sessions/:id": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: `/api/clevio/sessions/${(await sessionFor(c)).sessionId}` }),
  },
  "GET /api/clevio/sessions/:id/logs": { expect: TENANT_READ, request: (c) => ({ path: `/api/clevio/sessions/${sA(c)}/logs` }) },
  "GET /api/clevio/sessions/:id/status": { expect: TENANT_READ, request: (c) => ({ path: `/api/clevio/sessions/${sA(c)}/status` }) },
  "GET /api/clevio/sessions/:id/qr": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: `/api/clevio/sessions/${(c.allowed ? await qrSession(c.w.ownerA) : c.w.sessionA).sessionId}/qr` }),
  },
  "POST /api/clevio/sessions/:id/init": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: `/api/clevio/sessions/${(await sessionFor(c)).sessionId}/init` }),
  },
  "PUT /api/clevio/sessions/:id/webhook": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: `/api/clevio/sessions/${(await sessionFor(c)).sessionId}/webhook`, json: { webhookUrl: `${c.w.base}/api/health` } }),
  },

  // --- the Campaign API's messaging doors (/api/v1/…) -----------------------------------------------
  "GET /api/v1/sessions": { expect: ANY_USER, request: () => ({ path: "/api/v1/sessions" }) },
  "POST /api/v1/sessions": { expect: OWNERS, request: (c) => ({ path: "/api/v1/sessions", json: { sessionId: freshSessionId(c, "v1s") } }) },
  "DELETE /api/v1/sessions/:id": { expect: TENANT_MANAGE, request: async (c) => ({ path: `/api/v1/sessions/${(await sessionFor(c)).sessionId}` }) },
  "POST /api/v1/messages": {
    expect: TENANT_READ,
    request: (c) => ({
      path: `/api/v1/messages?sessionId=${sA(c)}`,
      json: { recipient_type: "individual", to: CONTACT, type: "text", text: { body: `v1 cell ${c.cell.n}` } },
    }),
  },
  "DELETE /api/v1/message": {
    expect: TENANT_READ,
    // A message of its own per allowed cell: deleting for everyone is once per message.
    request: async (c) => ({ path: "/api/v1/message", json: { sessionId: sA(c), remoteJid: CONTACT, messageId: c.allowed ? await sentTextA(c) : c.w.sentA } }),
  },
  "POST /api/v1/media": { expect: created(TENANT_READ), body: "multipart", request: (c) => ({ path: "/api/v1/media", form: pngForm({ sessionId: sA(c) }) }) },
  "GET /api/v1/webhook": { expect: TENANT_MANAGE, request: (c) => ({ path: `/api/v1/webhook?sessionId=${sA(c)}` }) },
  "POST /api/v1/webhook": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: "/api/v1/webhook", json: { sessionId: (await sessionFor(c)).sessionId, url: `${c.w.base}/api/health` } }),
  },
  "DELETE /api/v1/webhook": {
    expect: TENANT_MANAGE,
    request: async (c) => {
      const session = await sessionFor(c);
      if (c.allowed)
        expectOk(
          await request("POST", "/api/v1/webhook", { as: ownerA(c), json: { sessionId: session.sessionId, url: `${c.w.base}/api/health` } }),
          "set the URL",
        );
      return { path: "/api/v1/webhook", json: { sessionId: session.sessionId } };
    },
  },

  // --- Chatery's session doors and the Automation API's QR/status -----------------------------------
  "GET /api/whatsapp/sessions": { expect: ANY_USER, request: () => ({ path: "/api/whatsapp/sessions", check: okSuccess }) },
  "DELETE /api/whatsapp/sessions/:id": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: `/api/whatsapp/sessions/${(await sessionFor(c)).sessionId}`, check: okSuccess }),
  },
  "GET /api/whatsapp/sessions/:id/status": { expect: TENANT_READ, request: (c) => ({ path: `/api/whatsapp/sessions/${sA(c)}/status`, check: okSuccess }) },
  "GET /api/whatsapp/sessions/:id/qr": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: `/api/whatsapp/sessions/${(c.allowed ? await qrSession(c.w.ownerA) : c.w.sessionA).sessionId}/qr` }),
  },
  "GET /api/whatsapp/sessions/:id/qr/image": {
    expect: TENANT_MANAGE,
    request: async (c) => ({ path: `/api/whatsapp/sessions/${(c.allowed ? await qrSession(c.w.ownerA) : c.w.sessionA).sessionId}/qr/image` }),
  },
  "PATCH /api/whatsapp/sessions/:id/config": {
    expect: TENANT_MANAGE,
    request: async (c) => ({
      path: `/api/whatsapp/sessions/${(await sessionFor(c)).sessionId}/config`,
      json: { metadata: { cell: c.cell.n } },
      check: okSuccess,
    }),
  },
  "POST /api/whatsapp/sessions/:id/connect": {
    // Chatery's connect creates the session when the caller has none by that id: for another owner,
    // tenant A's id names nothing of theirs, so they get a session of their own (sessionIds are per
    // owner). Every cell therefore uses a disposable id, and A's session must stay untouched.
    expect: [401, 401, 200, 200, 200, 403, 403, 403],
    request: async (c) => {
      const session = await disposableSession(c);
      return {
        path: `/api/whatsapp/sessions/${session.sessionId}/connect`,
        json: { metadata: { cell: c.cell.n } },
        async check(res, ok) {
          if (ok) expect(res.body).toMatchObject({ success: true });
          const mine = c.actor && (c.actor.id === c.w.ownerA.id || c.actor.role === "SUPERADMIN");
          if (!mine) expect((await peekSession(c.w.ownerA, session.sessionId))?.status, "tenant A's session untouched").toBe("DISCONNECTED");
        },
      };
    },
  },

  "POST /api/whatsapp/sessions/:id/webhooks": {
    expect: TENANT_MANAGE,
    request: async (c) => ({
      path: `/api/whatsapp/sessions/${(await sessionFor(c)).sessionId}/webhooks`,
      json: { url: `${c.w.base}/api/health?cell=${c.cell.n}` },
    }),
  },
  "DELETE /api/whatsapp/sessions/:id/webhooks": {
    expect: TENANT_MANAGE,
    request: async (c) => {
      const session = await sessionFor(c);
      const url = `${c.w.base}/api/health?cell=${c.cell.n}`;
      if (c.allowed) expectOk(await request("POST", `/api/whatsapp/sessions/${session.sessionId}/webhooks`, { as: ownerA(c), json: { url } }), "add the URL");
      return { path: `/api/whatsapp/sessions/${session.sessionId}/webhooks`, json: { url } };
    },
  },
  "GET /api/whatsapp/status": { expect: DEFAULT_SESSION, request: () => ({ path: "/api/whatsapp/status" }) },
  "GET /api/whatsapp/createqr": {
    expect: OWNERS,
    // It connects the caller's default session: allowed cells use a fresh caller (ownerA's default is sessionA).
    request: async (c) => {
      const actor = c.allowed ? await freshActor(c.w, c.cell.caller) : c.actor;
      return { path: "/api/whatsapp/createqr", as: actor && c.cell.via ? as(actor, c.cell.via) : null };
    },
  },
};

// Every door wrapped by withChateryEnvelope (all of /api/whatsapp/… except the Automation API's three).
const NOT_CHATERY = new Set(["GET /api/whatsapp/groups", "GET /api/whatsapp/createqr", "GET /api/whatsapp/status"]);
for (const [endpoint, fixture] of Object.entries(ENDPOINT_FIXTURES)) {
  if (/^[A-Z]+ \/api\/whatsapp\//.test(endpoint) && !NOT_CHATERY.has(endpoint)) fixture.expect = chateryRow(fixture.expect);
}

/** Not a route file, but part of the contract: an unknown /api path is a JSON 404 for everyone. */
export const EXTRA_ROWS: Record<string, Fixture> = {
  "GET /api/no-such-endpoint": { expect: [404, 404, 404, 404, 404, 404, 404, 404], request: () => ({ path: "/api/no-such-endpoint" }) },
};

/** What a developer sees when a route has no entry. */
export function missingFixtureMessage(endpoint: string): string {
  return (
    `${endpoint} has no entry in tests/support/endpoint-fixtures.ts. Add one to ENDPOINT_FIXTURES: ` +
    `{ expect: TENANT_READ | TENANT_MANAGE | ANY_USER | OWNERS | PUBLIC_ROUTE | [8 statuses], request: (c) => ({ path, json?, check? }) } ` +
    `— the top of that file explains each part.`
  );
}
