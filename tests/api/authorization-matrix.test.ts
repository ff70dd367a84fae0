// Every API endpoint × every kind of caller × both credential types, against the real gateway.
// The table below is the specification; each cell becomes one test named after it.
//
//   401  no credentials, or stale ones (a deleted user's cookie, a revoked API key)
//   403  authenticated, but the role lacks the permission (checked before any lookup)
//   404  the resource belongs to another tenant, or is a session not assigned to the staff member
//   200/201 otherwise
//
// Writes check their effect too: an allowed write changed the resource, a refused one left it as it
// was. Destructive cells (DELETE, key rotation) get a fresh resource or caller of their own.
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  type ApiResponse,
  type Credentials,
  type PublicSession,
  type Via,
  as,
  assignSessions,
  createApiKey,
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
} from "../support/api-client";
import { declaredEndpoints, isPendingEndpoint } from "../support/declared-endpoints";

const CALLERS = {
  anonymous: "no credentials at all",
  stale: "a deleted user's cookie / a revoked API key",
  superadmin: "SUPERADMIN",
  owner: "OWNER of the resource's tenant",
  otherOwner: "OWNER of another tenant",
  staff: "STAFF of the resource's tenant, assigned to the session",
  unassignedStaff: "STAFF of the resource's tenant, not assigned to the session",
  otherStaff: "STAFF of another tenant",
} as const;
type CallerName = keyof typeof CALLERS;
const COLUMNS = Object.keys(CALLERS) as CallerName[];

/** A status, or one per credential type where they differ. */
type Expected = number | { apiKey: number; cookie: number };
/** Public routes ignore a stale cookie (nobody is signed in) but refuse a wrong API key outright. */
const PUBLIC = { apiKey: 401, cookie: 200 } as const;

// prettier-ignore
const MATRIX: Array<[endpoint: string, ...expected: Expected[]]> = [
  // endpoint                            anonymous stale   superadmin owner otherOwner staff unassignedStaff otherStaff
  ["GET /api/sessions",                      401,   401,      200,     200,     200,   200,       200,          200],
  ["POST /api/sessions",                     401,   401,      200,     200,     200,   403,       403,          403],
  ["GET /api/sessions/:id",                  401,   401,      200,     200,     404,   200,       404,          404],
  ["PATCH /api/sessions/:id",                401,   401,      200,     200,     404,   403,       403,          403],
  ["DELETE /api/sessions/:id",               401,   401,      200,     200,     404,   403,       403,          403],
  ["PATCH /api/sessions/:id/settings",       401,   401,      200,     200,     404,   403,       403,          403],
  ["DELETE /api/sessions/:id/settings",      401,   401,      200,     200,     404,   403,       403,          403],
  ["GET /api/sessions/:id/status",           401,   401,      200,     200,     404,   200,       404,          404],
  ["GET /api/sessions/:id/events",           401,   401,      200,     200,     404,   200,       404,          404],
  ["GET /api/sessions/:id/qr",               401,   401,      200,     200,     404,   403,       403,          403],
  ["POST /api/sessions/:id/logout",          401,   401,      200,     200,     404,   403,       403,          403],
  ["GET /api/websocket/stats",               401,   401,      200,     200,     200,   200,       200,          200],
  ["GET /api/user/api-key",                  401,   401,      200,     200,     200,   200,       200,          200],
  ["POST /api/user/api-key",                 401,   401,      200,     200,     200,   200,       200,          200],
  ["DELETE /api/user/api-key",               401,   401,      200,     200,     200,   200,       200,          200],
  ["GET /api/users/me",                      401,   401,      200,     200,     200,   200,       200,          200],
  ["PATCH /api/users/me",                    401,   401,      200,     200,     200,   200,       200,          200],
  ["GET /api/users",                         401,   401,      200,     200,     200,   403,       403,          403],
  ["POST /api/users",                        401,   401,      201,     201,     201,   403,       403,          403],
  ["PATCH /api/users/:id",                   401,   401,      200,     200,     404,   403,       403,          403],
  ["DELETE /api/users/:id",                  401,   401,      200,     200,     404,   403,       403,          403],
  ["GET /api/users/:id/sessions",            401,   401,      200,     200,     404,   403,       403,          403],
  ["PUT /api/users/:id/sessions",            401,   401,      200,     200,     404,   403,       403,          403],
  ["POST /api/auth/register",                200,  PUBLIC,    200,     200,     200,   200,       200,          200],
  ["POST /api/auth/login",                   200,  PUBLIC,    200,     200,     200,   200,       200,          200],
  ["POST /api/auth/logout",                  200,  PUBLIC,    200,     200,     200,   200,       200,          200],
  ["GET /api/health",                        200,  PUBLIC,    200,     200,     200,   200,       200,          200],
  ["GET /api/openapi.json",                  200,  PUBLIC,    200,     200,     200,   200,       200,          200],
  ["GET /api/no-such-endpoint",              404,   404,      404,     404,     404,   404,       404,          404],
];

// ---------------------------------------------------------------------------------------------
// The world the table talks about: tenant A (the resource's) and tenant B (another one).

interface World {
  superadmin: Actor;
  ownerA: Actor;
  ownerB: Actor;
  staffA: Actor; // assigned to sessionA
  unassignedStaffA: Actor;
  staffB: Actor; // assigned to sessionB
  stale: Actor; // deleted: its cookie and key no longer name anyone
  sessionA: PublicSession;
  sessionB: PublicSession;
  /** Staff of A that PATCH /api/users/:id edits. */
  patchTargetId: string;
  /** Staff of A whose assignments PUT /api/users/:id/sessions replaces. */
  assignTargetId: string;
  loginUser: { username: string; password: string };
}
let w: World;

beforeAll(async () => {
  const [superadmin, ownerA, ownerB] = await Promise.all([createSuperadmin(), registerOwner("ownera"), registerOwner("ownerb")]);
  const [sessionA, sessionB] = await Promise.all([createSession({ cookie: ownerA.cookie }), createSession({ cookie: ownerB.cookie })]);
  const [staffA, unassignedStaffA, staffB, stale] = await Promise.all([
    createStaff(ownerA, [sessionA.sessionId], "staffa"),
    createStaff(ownerA, [], "loosea"),
    createStaff(ownerB, [sessionB.sessionId], "staffb"),
    createStaff(ownerA, [sessionA.sessionId], "ghost"),
  ]);
  expectOk(await request("DELETE", `/api/users/${stale.id}`, { as: { cookie: ownerA.cookie } }), "delete the stale user");
  const [patchTarget, assignTarget] = await Promise.all([
    createUser({ cookie: ownerA.cookie }, newUserInput("patchme")),
    createUser({ cookie: ownerA.cookie }, newUserInput("assignme")),
  ]);
  const loginInput = newUserInput("loginme");
  expectOk(await request("POST", "/api/auth/register", { json: loginInput }), "register the login user");
  w = {
    superadmin,
    ownerA,
    ownerB,
    staffA,
    unassignedStaffA,
    staffB,
    stale,
    sessionA,
    sessionB,
    patchTargetId: patchTarget.id,
    assignTargetId: assignTarget.id,
    loginUser: { username: loginInput.username, password: loginInput.password },
  };
});

function actorOf(caller: CallerName): Actor | null {
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
async function freshActor(caller: CallerName): Promise<Actor | null> {
  switch (caller) {
    case "anonymous":
    case "stale":
      return actorOf(caller);
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

const credentialsOf = (actor: Actor | null, via: Via | null): Credentials => (actor && via ? as(actor, via) : null);
const ownerA = (): Credentials => ({ cookie: w.ownerA.cookie });

// ---------------------------------------------------------------------------------------------
// How each endpoint is called for one cell, and what an allowed or refused call must have done.

interface Cell {
  endpoint: string;
  caller: CallerName;
  via: Via | null;
  expected: number;
  n: number;
}

interface Call {
  path: string;
  json?: unknown;
  as: Credentials;
  /** Runs after the status matched: checks the answer (2xx) or that nothing changed (refused). */
  check?: (res: ApiResponse, ok: boolean) => Promise<void> | void;
}

type Prepare = (cell: Cell, actor: Actor | null) => Promise<Call>;

/** A session of tenant A that may be destroyed, assigned to staffA (besides sessionA) for the staff cell. */
async function disposableSessionA(cell: Cell): Promise<PublicSession> {
  const session = await createSession(ownerA(), `disposable ${cell.n}`);
  if (cell.caller === "staff") await assignSessions(ownerA(), w.staffA.id, [w.sessionA.sessionId, session.sessionId]);
  return session;
}

async function deleteSessionCall(cell: Cell, actor: Actor | null, suffix: string): Promise<Call> {
  const session = await disposableSessionA(cell);
  return {
    path: `/api/sessions/${session.sessionId}${suffix}`,
    as: credentialsOf(actor, cell.via),
    async check(res, ok) {
      if (ok) expect(res.body).toEqual({ success: true });
      expect(await peekSession(w.ownerA, session.sessionId), ok ? "session should be gone" : "session should survive").toEqual(
        ok ? null : expect.objectContaining({ sessionId: session.sessionId }),
      );
    },
  };
}

const ENDPOINTS: Record<string, Prepare> = {
  "GET /api/sessions": async (cell, actor) => ({
    path: "/api/sessions",
    as: credentialsOf(actor, cell.via),
    check(res, ok) {
      if (!ok || !actor) return;
      const owners = new Set((res.body as PublicSession[]).map((s) => s.userId));
      if (actor.role === "SUPERADMIN") {
        expect(owners).toContain(w.ownerA.id);
        expect(owners).toContain(w.ownerB.id);
      } else {
        expect([...owners].every((o) => o === (actor.ownerId ?? actor.id)), `only the caller's tenant: ${[...owners]}`).toBe(true);
      }
    },
  }),
  "POST /api/sessions": async (cell, actor) => ({
    path: "/api/sessions",
    json: { name: `created by cell ${cell.n}` },
    as: credentialsOf(actor, cell.via),
    check(res, ok) {
      if (ok) expect(res.body).toMatchObject({ userId: actor!.id, name: `created by cell ${cell.n}`, status: "DISCONNECTED", qr: null });
    },
  }),
  "GET /api/sessions/:id": async (cell, actor) => ({
    path: `/api/sessions/${w.sessionA.sessionId}`,
    as: credentialsOf(actor, cell.via),
    check(res, ok) {
      if (ok) expect(res.body).toMatchObject({ id: w.sessionA.id, sessionId: w.sessionA.sessionId, userId: w.ownerA.id });
    },
  }),
  "PATCH /api/sessions/:id": async (cell, actor) => {
    const name = `renamed by cell ${cell.n}`;
    return {
      path: `/api/sessions/${w.sessionA.sessionId}`,
      json: { name },
      as: credentialsOf(actor, cell.via),
      async check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ sessionId: w.sessionA.sessionId, name });
        else expect((await peekSession(w.ownerA, w.sessionA.sessionId))?.name).not.toBe(name);
      },
    };
  },
  "DELETE /api/sessions/:id": (cell, actor) => deleteSessionCall(cell, actor, ""),
  "PATCH /api/sessions/:id/settings": async (cell, actor) => {
    const url = `https://example.com/avatar-${cell.n}.png`;
    return {
      path: `/api/sessions/${w.sessionA.sessionId}/settings`,
      json: { config: { ppGuardFallbackUrl: url } },
      as: credentialsOf(actor, cell.via),
      async check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ sessionId: w.sessionA.sessionId, config: { ppGuardFallbackUrl: url } });
        else expect((await peekSession(w.ownerA, w.sessionA.sessionId))?.config.ppGuardFallbackUrl).not.toBe(url);
      },
    };
  },
  "DELETE /api/sessions/:id/settings": (cell, actor) => deleteSessionCall(cell, actor, "/settings"),
  "GET /api/sessions/:id/status": async (cell, actor) => ({
    path: `/api/sessions/${w.sessionA.sessionId}/status`,
    as: credentialsOf(actor, cell.via),
    check(res, ok) {
      if (ok) expect(res.body).toMatchObject({ sessionId: w.sessionA.sessionId, status: "DISCONNECTED", isConnected: false, history: expect.any(Array) });
    },
  }),
  "GET /api/sessions/:id/events": async (cell, actor) => ({
    path: `/api/sessions/${w.sessionA.sessionId}/events`,
    as: credentialsOf(actor, cell.via),
    check(res, ok) {
      if (ok) expect(Array.isArray(res.body)).toBe(true);
    },
  }),
  "GET /api/sessions/:id/qr": async (cell, actor) => ({
    path: `/api/sessions/${w.sessionA.sessionId}/qr`,
    as: credentialsOf(actor, cell.via),
    check(res, ok) {
      if (ok) expect(res.body).toEqual({ qr: null, status: "DISCONNECTED" });
    },
  }),
  "POST /api/sessions/:id/logout": async (cell, actor) => {
    const session = await disposableSessionA(cell);
    return {
      path: `/api/sessions/${session.sessionId}/logout`,
      as: credentialsOf(actor, cell.via),
      async check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ success: true });
        expect(await peekSession(w.ownerA, session.sessionId), "logging out keeps the session").toEqual(expect.objectContaining({ sessionId: session.sessionId }));
      },
    };
  },
  "GET /api/websocket/stats": async (cell, actor) => ({
    path: "/api/websocket/stats",
    as: credentialsOf(actor, cell.via),
    check(res, ok) {
      if (ok) expect(res.body).toMatchObject({ success: true, data: { totalConnections: expect.any(Number), sessionRooms: expect.any(Object) } });
    },
  }),
  "GET /api/user/api-key": async (cell, actor) => ({
    path: "/api/user/api-key",
    as: credentialsOf(actor, cell.via),
    check(res, ok) {
      if (ok) expect(res.body.apiKey).toBe(`wag_…${actor!.apiKey.slice(-4)}`);
    },
  }),
  "POST /api/user/api-key": async (cell) => {
    const actor = await freshActor(cell.caller);
    return {
      path: "/api/user/api-key",
      as: credentialsOf(actor, cell.via),
      async check(res, ok) {
        if (!ok) return;
        const me = await request("GET", "/api/users/me", { as: { apiKey: res.body.apiKey } });
        expect(me.body?.id, "the new key acts as its user").toBe(actor!.id);
        expect((await request("GET", "/api/users/me", { as: { apiKey: actor!.apiKey } })).status, "the old key is dead").toBe(401);
      },
    };
  },
  "DELETE /api/user/api-key": async (cell) => {
    const actor = await freshActor(cell.caller);
    return {
      path: "/api/user/api-key",
      as: credentialsOf(actor, cell.via),
      async check(res, ok) {
        if (!ok) return;
        expect(res.body).toEqual({ success: true });
        expect((await request("GET", "/api/users/me", { as: { apiKey: actor!.apiKey } })).status, "the revoked key is dead").toBe(401);
      },
    };
  },
  "GET /api/users/me": async (cell, actor) => ({
    path: "/api/users/me",
    as: credentialsOf(actor, cell.via),
    check(res, ok) {
      if (ok) expect(res.body).toMatchObject({ id: actor!.id, role: actor!.role, username: actor!.username });
    },
  }),
  "PATCH /api/users/me": async (cell, actor) => {
    const name = `Renamed self in cell ${cell.n}`;
    return {
      path: "/api/users/me",
      json: { name },
      as: credentialsOf(actor, cell.via),
      check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ id: actor!.id, name, role: actor!.role });
      },
    };
  },
  "GET /api/users": async (cell, actor) => ({
    path: "/api/users",
    as: credentialsOf(actor, cell.via),
    check(res, ok) {
      if (!ok) return;
      const ids = (res.body as Array<{ id: string; ownerId: string | null }>).map((u) => u.id);
      if (actor!.role === "SUPERADMIN") expect(ids).toEqual(expect.arrayContaining([w.ownerA.id, w.ownerB.id, w.staffA.id, w.staffB.id]));
      else expect((res.body as Array<{ ownerId: string }>).every((u) => u.ownerId === actor!.id), "an owner lists only its staff").toBe(true);
    },
  }),
  "POST /api/users": async (cell, actor) => {
    const input = newUserInput(`made${cell.n}`);
    return {
      path: "/api/users",
      json: cell.caller === "superadmin" ? { ...input, role: "OWNER" } : input,
      as: credentialsOf(actor, cell.via),
      check(res, ok) {
        if (!ok) return;
        if (actor!.role === "SUPERADMIN") expect(res.body).toMatchObject({ username: input.username, role: "OWNER", ownerId: null });
        else expect(res.body).toMatchObject({ username: input.username, role: "STAFF", ownerId: actor!.id });
      },
    };
  },
  "PATCH /api/users/:id": async (cell, actor) => {
    const name = `Patched by cell ${cell.n}`;
    return {
      path: `/api/users/${w.patchTargetId}`,
      json: { name },
      as: credentialsOf(actor, cell.via),
      async check(res, ok) {
        if (ok) expect(res.body).toMatchObject({ id: w.patchTargetId, name });
        else expect((await peekUser(ownerA(), w.patchTargetId))?.name).not.toBe(name);
      },
    };
  },
  "DELETE /api/users/:id": async (cell, actor) => {
    const target = await createUser(ownerA(), newUserInput(`doomed${cell.n}`));
    return {
      path: `/api/users/${target.id}`,
      as: credentialsOf(actor, cell.via),
      async check(res, ok) {
        if (ok) expect(res.body).toEqual({ success: true });
        expect(await peekUser(ownerA(), target.id), ok ? "user should be gone" : "user should survive").toEqual(
          ok ? null : expect.objectContaining({ id: target.id }),
        );
      },
    };
  },
  "GET /api/users/:id/sessions": async (cell, actor) => ({
    path: `/api/users/${w.staffA.id}/sessions`,
    as: credentialsOf(actor, cell.via),
    check(res, ok) {
      if (ok) expect(res.body).toContainEqual(expect.objectContaining({ sessionId: w.sessionA.sessionId }));
    },
  }),
  "PUT /api/users/:id/sessions": async (cell, actor) => {
    await assignSessions(ownerA(), w.assignTargetId, []);
    return {
      path: `/api/users/${w.assignTargetId}/sessions`,
      json: { sessionIds: [w.sessionA.sessionId] },
      as: credentialsOf(actor, cell.via),
      async check(res, ok) {
        const now = expectOk(await request("GET", `/api/users/${w.assignTargetId}/sessions`, { as: ownerA() }), "read assignments").body;
        expect(now.map((s: PublicSession) => s.sessionId)).toEqual(ok ? [w.sessionA.sessionId] : []);
        if (ok) expect(res.body).toEqual([expect.objectContaining({ sessionId: w.sessionA.sessionId })]);
      },
    };
  },
  "POST /api/auth/register": async (cell, actor) => {
    const input = newUserInput(`reg${cell.n}`);
    return {
      path: "/api/auth/register",
      json: input,
      as: credentialsOf(actor, cell.via),
      check(res, ok) {
        if (!ok) return;
        expect(res.body.user).toMatchObject({ username: input.username, role: "OWNER" });
        expect(sessionCookieFrom(res)).toMatch(/^authjs\.session-token=.+/);
      },
    };
  },
  "POST /api/auth/login": async (cell, actor) => ({
    path: "/api/auth/login",
    json: { username: w.loginUser.username, password: w.loginUser.password },
    as: credentialsOf(actor, cell.via),
    check(res, ok) {
      if (!ok) return;
      expect(res.body).toMatchObject({ message: "Login successful", user: { username: w.loginUser.username } });
      expect(sessionCookieFrom(res)).toMatch(/^authjs\.session-token=.+/);
    },
  }),
  "POST /api/auth/logout": async (cell, actor) => ({
    path: "/api/auth/logout",
    as: credentialsOf(actor, cell.via),
    check(res, ok) {
      if (!ok) return;
      expect(res.body).toEqual({ message: "Logged out successfully" });
      expect(res.headers.getSetCookie().join("\n")).toMatch(/authjs\.session-token=;.*Max-Age=0/);
    },
  }),
  "GET /api/health": async (cell, actor) => ({
    path: "/api/health",
    as: credentialsOf(actor, cell.via),
    check(res, ok) {
      if (ok) expect(res.body).toEqual({ status: "ok" });
    },
  }),
  "GET /api/openapi.json": async (cell, actor) => ({
    path: "/api/openapi.json",
    as: credentialsOf(actor, cell.via),
    check(res, ok) {
      if (ok) expect(res.body).toMatchObject({ openapi: expect.stringMatching(/^3\./), paths: expect.any(Object) });
    },
  }),
  "GET /api/no-such-endpoint": async (cell, actor) => ({ path: "/api/no-such-endpoint", as: credentialsOf(actor, cell.via) }),
};

// ---------------------------------------------------------------------------------------------

function cells(): Cell[] {
  const out: Cell[] = [];
  for (const [endpoint, ...expected] of MATRIX) {
    if (expected.length !== COLUMNS.length) throw new Error(`${endpoint}: ${expected.length} cells for ${COLUMNS.length} callers`);
    if (!ENDPOINTS[endpoint]) throw new Error(`${endpoint}: no request recipe`);
    COLUMNS.forEach((caller, i) => {
      const vias: Array<Via | null> = caller === "anonymous" ? [null] : ["apiKey", "cookie"];
      for (const via of vias) {
        const e = expected[i];
        out.push({ endpoint, caller, via, expected: typeof e === "number" ? e : e[via ?? "cookie"], n: out.length });
      }
    });
  }
  return out;
}

const label = (c: Cell) => `${c.endpoint} | ${c.caller} (${CALLERS[c.caller]})${c.via ? ` via ${c.via}` : ""} → ${c.expected}`;

describe("authorization matrix", () => {
  it("covers every method of every route file under app/api (except next-auth's own endpoints)", () => {
    const declared = declaredEndpoints();
    expect(declared.length).toBeGreaterThan(15);
    const covered = new Set(MATRIX.map(([endpoint]) => endpoint));
    expect(declared.filter((e) => !covered.has(e) && !isPendingEndpoint(e)), "endpoints missing from MATRIX").toEqual([]);
    expect([...covered].filter(isPendingEndpoint), "rows both in MATRIX and pending").toEqual([]);
  });

  it.each(cells().map((c) => [label(c), c] as const))("%s", async (name, cell) => {
    const actor = actorOf(cell.caller);
    const call = await ENDPOINTS[cell.endpoint](cell, actor);
    const method = cell.endpoint.split(" ")[0];
    const res = await request(method, call.path, { as: call.as, json: call.json });
    expect(res.status, `${name}: got ${res.status} ${res.text.slice(0, 300)}`).toBe(cell.expected);
    expect(res.contentType, `${name}: answers JSON`).toContain("application/json");
    const ok = res.status < 300;
    if (!ok) expect(typeof res.body?.error, `${name}: an error answer carries { error }`).toBe("string");
    await call.check?.(res, ok);
  });
});

// The stale caller only means something if its credentials once worked: prove they did.
describe("the stale caller's credentials", () => {
  it("belonged to a user who could act before being deleted", async () => {
    const owner = await registerOwner("staleproof");
    const staff = await createStaff(owner);
    expect((await request("GET", "/api/users/me", { as: { cookie: staff.cookie } })).status).toBe(200);
    expect((await request("GET", "/api/users/me", { as: { apiKey: staff.apiKey } })).status).toBe(200);
    expectOk(await request("DELETE", `/api/users/${staff.id}`, { as: { cookie: owner.cookie } }), "delete staff");
    expect((await request("GET", "/api/users/me", { as: { cookie: staff.cookie } })).status).toBe(401);
    expect((await request("GET", "/api/users/me", { as: { apiKey: staff.apiKey } })).status).toBe(401);
    // A key of a user that still exists, once rotated, is stale in the same way.
    const oldKey = owner.apiKey;
    await createApiKey({ cookie: owner.cookie });
    expect((await request("GET", "/api/users/me", { as: { apiKey: oldKey } })).status).toBe(401);
  });
});
