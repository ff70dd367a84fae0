// /api/users: who may create whom, staff assignment, updates, cascading deletes, /api/users/me.
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  type PublicSession,
  adminCredentials,
  assignSessions,
  createSession,
  createStaff,
  createSuperadmin,
  createUser,
  expectOk,
  login,
  newUserInput,
  peekUser,
  registerOwner,
  request,
} from "../support/api-client";

let owner: Actor;
let other: Actor;
let superadmin: Actor;
beforeAll(async () => {
  [owner, other, superadmin] = await Promise.all([registerOwner("uown"), registerOwner("uother"), createSuperadmin()]);
});

const ownerCreds = () => ({ cookie: owner.cookie });
const superCreds = () => ({ apiKey: superadmin.apiKey });

describe("POST /api/users", () => {
  it("an owner creates staff: 201, role STAFF, owned by the owner, and the staff can sign in", async () => {
    const input = newUserInput("mystaff");
    const res = await request("POST", "/api/users", { as: ownerCreds(), json: input });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: input.username, email: input.email, role: "STAFF", ownerId: owner.id });
    const cookie = await login(input.username, input.password);
    expect((await request("GET", "/api/users/me", { as: { cookie } })).body).toMatchObject({ id: res.body.id, role: "STAFF" });
  });

  it("an owner's explicit role STAFF is accepted", async () => {
    const res = await request("POST", "/api/users", { as: ownerCreds(), json: { ...newUserInput("explicit"), role: "STAFF" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role: "STAFF", ownerId: owner.id });
  });

  it.each([
    ["an OWNER", () => ({ role: "OWNER" })],
    ["a SUPERADMIN", () => ({ role: "SUPERADMIN" })],
    ["another owner's staff", () => ({ ownerId: other.id })],
  ])("an owner cannot create %s: 403, nobody created", async (_what, extra) => {
    const input = newUserInput("forbid");
    const json = { ...input, ...extra() };
    const res = await request("POST", "/api/users", { as: ownerCreds(), json });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: expect.any(String) });
    const all = expectOk(await request("GET", "/api/users", { as: superCreds() }), "list all").body as Array<{ username: string }>;
    expect(all.map((u) => u.username)).not.toContain(input.username);
  });

  it("a superadmin creates any role", async () => {
    const asOwner = await createUser(superCreds(), { ...newUserInput("sowner"), role: "OWNER" });
    expect(asOwner).toMatchObject({ role: "OWNER", ownerId: null });
    const asSuper = await createUser(superCreds(), { ...newUserInput("ssuper"), role: "SUPERADMIN" });
    expect(asSuper).toMatchObject({ role: "SUPERADMIN", ownerId: null });
    const asStaff = await createUser(superCreds(), { ...newUserInput("sstaff"), role: "STAFF", ownerId: asOwner.id });
    expect(asStaff).toMatchObject({ role: "STAFF", ownerId: asOwner.id });
  });

  it("a superadmin's STAFF needs an existing OWNER as ownerId (400 naming ownerId)", async () => {
    const staff = await createStaff(owner);
    for (const extra of [{}, { ownerId: "no-such-user" }, { ownerId: staff.id }, { ownerId: superadmin.id }]) {
      const res = await request("POST", "/api/users", { as: superCreds(), json: { ...newUserInput("nostaff"), role: "STAFF", ...extra } });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body.error, JSON.stringify(extra)).toMatch(/^ownerId\b/);
    }
    const ownerWithOwner = await request("POST", "/api/users", { as: superCreds(), json: { ...newUserInput("badowner"), role: "OWNER", ownerId: owner.id } });
    expect(ownerWithOwner.status).toBe(400);
    expect(ownerWithOwner.body.error).toMatch(/^ownerId\b/);
  });

  it("answers 409 naming the field for a taken email or username", async () => {
    const first = newUserInput("taken");
    await createUser(ownerCreds(), first);
    const email = await request("POST", "/api/users", { as: ownerCreds(), json: { ...newUserInput("x"), email: first.email } });
    expect([email.status, email.body.error]).toEqual([409, expect.stringMatching(/^email\b/)]);
    const username = await request("POST", "/api/users", { as: { cookie: other.cookie }, json: { ...newUserInput("x"), username: first.username } });
    expect([username.status, username.body.error]).toEqual([409, expect.stringMatching(/^username\b/)]);
  });

  it("a staff member cannot create users (403)", async () => {
    const staff = await createStaff(owner);
    const res = await request("POST", "/api/users", { as: { apiKey: staff.apiKey }, json: newUserInput("bystaff") });
    expect(res.status).toBe(403);
  });
});

describe("GET /api/users", () => {
  it("an owner lists exactly their staff, with the sessions assigned to each", async () => {
    const tenant = await registerOwner("lister");
    const session = await createSession({ cookie: tenant.cookie }, "Listed");
    const [s1, s2] = await Promise.all([createStaff(tenant, [session.sessionId]), createStaff(tenant)]);
    await createStaff(other);
    const res = await request("GET", "/api/users", { as: { cookie: tenant.cookie } });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries((res.body as Array<{ id: string; assignments: unknown[] }>).map((u) => [u.id, u]));
    expect(Object.keys(byId).sort()).toEqual([s1.id, s2.id].sort());
    expect(byId[s1.id].assignments).toEqual([{ session: { sessionId: session.sessionId, name: "Listed" } }]);
    expect(byId[s2.id].assignments).toEqual([]);
  });

  it("a superadmin lists everyone, the environment's admin included", async () => {
    const res = await request("GET", "/api/users", { as: superCreds() });
    const emails = (res.body as Array<{ email: string }>).map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining([owner.email, other.email, superadmin.email, "admin@test.local"]));
  });
});

describe("staff assignment: PUT/GET /api/users/[id]/sessions", () => {
  let mine: PublicSession, mine2: PublicSession, theirs: PublicSession;
  let staff: Actor;
  beforeAll(async () => {
    [mine, mine2, theirs] = await Promise.all([
      createSession(ownerCreds(), "Mine"),
      createSession(ownerCreds(), "Mine 2"),
      createSession({ cookie: other.cookie }, "Theirs"),
    ]);
    staff = await createStaff(owner);
  });

  it("replaces the set, by sessionId or id, and the staff member sees exactly that set", async () => {
    const first = await request("PUT", `/api/users/${staff.id}/sessions`, { as: ownerCreds(), json: { sessionIds: [mine.sessionId, mine2.id] } });
    expect(first.status).toBe(200);
    expect((first.body as PublicSession[]).map((s) => s.sessionId).sort()).toEqual([mine.sessionId, mine2.sessionId].sort());
    const visible = (await request("GET", "/api/sessions", { as: { apiKey: staff.apiKey } })).body as PublicSession[];
    expect(visible.map((s) => s.sessionId).sort()).toEqual([mine.sessionId, mine2.sessionId].sort());

    await assignSessions(ownerCreds(), staff.id, [mine2.sessionId]);
    const got = expectOk(await request("GET", `/api/users/${staff.id}/sessions`, { as: ownerCreds() }), "assignments").body;
    expect(got).toEqual([{ id: mine2.id, sessionId: mine2.sessionId, name: "Mine 2" }]);
    // Unassigned means gone at once, answered like another tenant's session.
    expect((await request("GET", `/api/sessions/${mine.sessionId}`, { as: { apiKey: staff.apiKey } })).status).toBe(404);
    expect((await request("GET", `/api/sessions/${mine2.sessionId}`, { as: { apiKey: staff.apiKey } })).status).toBe(200);

    await assignSessions(ownerCreds(), staff.id, []);
    expect((await request("GET", "/api/sessions", { as: { apiKey: staff.apiKey } })).body).toEqual([]);
  });

  it("refuses another tenant's session (400 naming sessionIds) and keeps the set as it was", async () => {
    await assignSessions(ownerCreds(), staff.id, [mine.sessionId]);
    for (const id of [theirs.sessionId, theirs.id, "no-such-session"]) {
      const res = await request("PUT", `/api/users/${staff.id}/sessions`, { as: ownerCreds(), json: { sessionIds: [mine2.sessionId, id] } });
      expect(res.status, id).toBe(400);
      expect(res.body.error, id).toMatch(/^sessionIds\b/);
    }
    // Nor can a superadmin give a staff member a session of a tenant they do not work for.
    const bySuper = await request("PUT", `/api/users/${staff.id}/sessions`, { as: superCreds(), json: { sessionIds: [theirs.sessionId] } });
    expect(bySuper.status).toBe(400);
    const now = expectOk(await request("GET", `/api/users/${staff.id}/sessions`, { as: ownerCreds() }), "assignments").body as PublicSession[];
    expect(now.map((s) => s.sessionId)).toEqual([mine.sessionId]);
    expect((await request("GET", `/api/sessions/${theirs.sessionId}`, { as: { apiKey: staff.apiKey } })).status).toBe(404);
  });

  it("another owner cannot read or change this staff member's sessions (404)", async () => {
    expect((await request("GET", `/api/users/${staff.id}/sessions`, { as: { cookie: other.cookie } })).status).toBe(404);
    const res = await request("PUT", `/api/users/${staff.id}/sessions`, { as: { cookie: other.cookie }, json: { sessionIds: [theirs.sessionId] } });
    expect(res.status).toBe(404);
  });

  it("only staff users get assignments (400 for an owner)", async () => {
    const res = await request("PUT", `/api/users/${owner.id}/sessions`, { as: superCreds(), json: { sessionIds: [mine.sessionId] } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.any(String) });
  });

  it("answers 400 naming sessionIds when it is not a list of ids", async () => {
    for (const body of [{}, { sessionIds: "abc" }, { sessionIds: [1, 2] }]) {
      const res = await request("PUT", `/api/users/${staff.id}/sessions`, { as: ownerCreds(), json: body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error, JSON.stringify(body)).toMatch(/^sessionIds\b/);
    }
  });
});

describe("PATCH /api/users/[id]", () => {
  it("an owner changes their staff's name, email and password", async () => {
    const staff = await createStaff(owner);
    const email = `renamed-${staff.username}@example.test`;
    const res = await request("PATCH", `/api/users/${staff.id}`, {
      as: ownerCreds(),
      json: { name: "New Name", email: email.toUpperCase(), password: "a-new-password" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: staff.id, name: "New Name", email, role: "STAFF" });
    await login(email, "a-new-password");
  });

  it("only a superadmin changes roles", async () => {
    const staff = await createStaff(owner);
    const byOwner = await request("PATCH", `/api/users/${staff.id}`, { as: ownerCreds(), json: { role: "OWNER" } });
    expect(byOwner.status).toBe(403);
    expect((await peekUser(ownerCreds(), staff.id))?.role).toBe("STAFF");

    const promoted = await request("PATCH", `/api/users/${staff.id}`, { as: superCreds(), json: { role: "OWNER" } });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ role: "OWNER", ownerId: null });
    // As an owner now, they create sessions of their own.
    expect((await request("POST", "/api/sessions", { as: { apiKey: staff.apiKey }, json: { name: "Promoted" } })).status).toBe(200);
  });

  it("answers 409 for a taken email, 400 for an empty change, 404 for a user out of reach", async () => {
    const staff = await createStaff(owner);
    const taken = await request("PATCH", `/api/users/${staff.id}`, { as: ownerCreds(), json: { email: other.email } });
    expect([taken.status, taken.body.error]).toEqual([409, expect.stringMatching(/^email\b/)]);
    const empty = await request("PATCH", `/api/users/${staff.id}`, { as: ownerCreds(), json: {} });
    expect(empty.status).toBe(400);
    expect((await request("PATCH", `/api/users/${other.id}`, { as: ownerCreds(), json: { name: "Hijack" } })).status).toBe(404);
    expect((await request("PATCH", `/api/users/${superadmin.id}`, { as: ownerCreds(), json: { name: "Hijack" } })).status).toBe(404);
  });
});

describe("DELETE /api/users/[id]", () => {
  it("an owner removes their staff: the staff's cookie and key stop working", async () => {
    const staff = await createStaff(owner);
    const res = await request("DELETE", `/api/users/${staff.id}`, { as: ownerCreds() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    expect((await request("GET", "/api/users/me", { as: { apiKey: staff.apiKey } })).status).toBe(401);
    expect((await request("GET", "/api/users/me", { as: { cookie: staff.cookie } })).status).toBe(401);
    expect((await request("DELETE", `/api/users/${staff.id}`, { as: ownerCreds() })).status).toBe(404);
  });

  it("deleting an owner removes their staff, sessions, assignments and keys", async () => {
    const doomed = await registerOwner("doomed");
    const session = await createSession({ cookie: doomed.cookie }, "Doomed session");
    const staff = await createStaff(doomed, [session.sessionId]);
    const res = await request("DELETE", `/api/users/${doomed.id}`, { as: superCreds() });
    expect(res.status).toBe(200);
    for (const [who, creds] of [
      ["owner key", { apiKey: doomed.apiKey }],
      ["owner cookie", { cookie: doomed.cookie }],
      ["staff key", { apiKey: staff.apiKey }],
      ["staff cookie", { cookie: staff.cookie }],
    ] as const) {
      expect((await request("GET", "/api/users/me", { as: creds })).status, who).toBe(401);
    }
    expect(await peekUser(superCreds(), staff.id), "staff removed with their owner").toBeNull();
    expect((await request("GET", `/api/sessions/${session.sessionId}`, { as: superCreds() })).status).toBe(404);
    const all = expectOk(await request("GET", "/api/sessions", { as: superCreds() }), "all sessions").body as PublicSession[];
    expect(all.map((s) => s.sessionId)).not.toContain(session.sessionId);
    // The name is free again.
    expect(
      (await request("POST", "/api/auth/register", { json: { name: "Reborn", email: doomed.email, username: doomed.username, password: "reborn-password" } }))
        .status,
    ).toBe(200);
  });

  it("nobody deletes themselves here, and owners cannot delete other tenants' users", async () => {
    const self = await request("DELETE", `/api/users/${superadmin.id}`, { as: superCreds() });
    expect(self.status).toBe(400);
    expect((await request("GET", "/api/users/me", { as: superCreds() })).status).toBe(200);
    const theirStaff = await createStaff(other);
    expect((await request("DELETE", `/api/users/${theirStaff.id}`, { as: ownerCreds() })).status).toBe(404);
    expect((await request("DELETE", `/api/users/${other.id}`, { as: ownerCreds() })).status).toBe(404);
    expect(await peekUser({ cookie: other.cookie }, theirStaff.id)).not.toBeNull();
    const admin = await adminCredentials();
    expect((await request("GET", "/api/users/me", { as: admin })).status).toBe(200);
  });
});

describe("PATCH /api/users/me", () => {
  it("changes the caller's own name and phone", async () => {
    const me = await registerOwner("selfedit");
    const res = await request("PATCH", "/api/users/me", { as: { apiKey: me.apiKey }, json: { name: "Myself", phone: "+62 812 3456 789" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: me.id, name: "Myself", phone: "+62 812 3456 789", role: "OWNER" });
    expect((await request("GET", "/api/users/me", { as: { cookie: me.cookie } })).body.name).toBe("Myself");
  });

  it("changes the password only with the current one (400 naming currentPassword otherwise)", async () => {
    const me = await registerOwner("selfpw");
    const missing = await request("PATCH", "/api/users/me", { as: { cookie: me.cookie }, json: { newPassword: "brand-new-password" } });
    expect([missing.status, missing.body.error]).toEqual([400, expect.stringMatching(/^currentPassword\b/)]);
    const wrong = await request("PATCH", "/api/users/me", { as: { cookie: me.cookie }, json: { currentPassword: "wrong", newPassword: "brand-new-password" } });
    expect([wrong.status, wrong.body.error]).toEqual([400, expect.stringMatching(/^currentPassword\b/)]);
    await login(me.username, me.password); // unchanged so far
    const ok = await request("PATCH", "/api/users/me", {
      as: { cookie: me.cookie },
      json: { currentPassword: me.password, newPassword: "brand-new-password" },
    });
    expect(ok.status).toBe(200);
    await login(me.username, "brand-new-password");
  });

  it("cannot change the caller's own role or email here", async () => {
    const staff = await createStaff(owner);
    for (const body of [{ role: "SUPERADMIN" }, { role: "OWNER", name: "x" }, { email: "new@example.test" }]) {
      const res = await request("PATCH", "/api/users/me", { as: { apiKey: staff.apiKey }, json: body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await request("GET", "/api/users/me", { as: { apiKey: staff.apiKey } })).body).toMatchObject({ role: "STAFF", email: staff.email });
  });
});
