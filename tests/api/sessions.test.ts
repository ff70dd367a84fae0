// /api/sessions: Ultimate WhatsApp Gateway's shapes, tenant scoping, rename, settings, deletion.
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  type PublicSession,
  createSession,
  createStaff,
  createSuperadmin,
  expectOk,
  registerOwner,
  request,
  uniqueName,
} from "../support/api-client";

/** Ultimate WhatsApp Gateway's toggles and their defaults; later issues may add settings of their own. */
const API_DEFAULT_CONFIG = {
  autoReplyEnabled: false,
  ppGuardEnabled: false,
  ppGuardFallbackUrl: null,
  readReceipts: false,
  antiDelete: false,
  ghostMode: false,
};

let owner: Actor;
let other: Actor;
let superadmin: Actor;
beforeAll(async () => {
  [owner, other, superadmin] = await Promise.all([registerOwner("sess"), registerOwner("sessother"), createSuperadmin()]);
});

const asOwner = () => ({ cookie: owner.cookie });

describe("POST /api/sessions", () => {
  it("creates a session in Ultimate WhatsApp Gateway's shape: DISCONNECTED, qr null, owned by the caller", async () => {
    const res = await request("POST", "/api/sessions", { as: { apiKey: owner.apiKey }, json: { name: "Marketing WA" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      sessionId: expect.stringMatching(/^[a-z0-9]{6}$/),
      name: "Marketing WA",
      status: "DISCONNECTED",
      qr: null,
      userId: owner.id,
      config: API_DEFAULT_CONFIG,
    });
    expect(Date.parse(res.body.createdAt)).not.toBeNaN();
    expect(Date.parse(res.body.updatedAt)).not.toBeNaN();
    // And it is what GET answers afterwards.
    const got = await request("GET", `/api/sessions/${res.body.sessionId}`, { as: asOwner() });
    expect(got.body).toMatchObject({ id: res.body.id, name: "Marketing WA", status: "DISCONNECTED", qr: null });
  });

  it("gives every session its own sessionId", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await createSession(asOwner(), `bulk ${i}`)).sessionId);
    expect(ids.size).toBe(5);
  });

  it("trims the name and answers 400 naming name when it is missing, blank or too long", async () => {
    expect((await createSession(asOwner(), "  Padded  ")).name).toBe("Padded");
    for (const body of [{}, { name: "   " }, { name: "x".repeat(101) }, { name: 7 }]) {
      const res = await request("POST", "/api/sessions", { as: asOwner(), json: body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error, JSON.stringify(body)).toMatch(/^name\b/);
    }
  });

  it("uses a custom sessionId, unique per owner: 409 naming sessionId for the owner's own, free for another tenant", async () => {
    const custom = uniqueName("custom").replace(/[^a-z0-9_-]/g, "");
    const created = await createSession(asOwner(), "Custom", custom);
    expect(created.sessionId).toBe(custom);
    const again = await request("POST", "/api/sessions", { as: { cookie: owner.cookie }, json: { name: "Again", sessionId: custom } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/^sessionId\b/);
    // Another tenant's choice reveals nothing: the same id is theirs to use (issue 9).
    const theirs = expectOk(
      await request("POST", "/api/sessions", { as: { cookie: other.cookie }, json: { name: "Theirs", sessionId: custom } }),
      "other tenant",
    );
    expect(theirs.body.sessionId).toBe(custom);
    expect(theirs.body.id).not.toBe(created.id);
  });

  it("answers 400 naming sessionId for a malformed custom id, and for unknown fields", async () => {
    for (const sessionId of ["ab", "has space", "x".repeat(33), "semi;colon"]) {
      const res = await request("POST", "/api/sessions", { as: asOwner(), json: { name: "Bad id", sessionId } });
      expect(res.status, sessionId).toBe(400);
      expect(res.body.error, sessionId).toMatch(/^sessionId\b/);
    }
    const res = await request("POST", "/api/sessions", { as: asOwner(), json: { name: "Owner forged", ownerId: other.id } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/ownerId/);
  });
});

describe("GET /api/sessions and /api/sessions/[id]", () => {
  let a1: PublicSession, a2: PublicSession, b1: PublicSession;
  let staff: Actor;
  // This block's own tenant, so that other blocks' sessions do not show up in its lists.
  let tenant: Actor;
  const asTenant = () => ({ cookie: tenant.cookie });
  beforeAll(async () => {
    tenant = await registerOwner("lista");
    [a1, a2, b1] = await Promise.all([createSession(asTenant(), "A1"), createSession(asTenant(), "A2"), createSession({ cookie: other.cookie }, "B1")]);
    staff = await createStaff(tenant, [a2.sessionId]);
  });

  it("an owner lists exactly their own sessions", async () => {
    const res = await request("GET", "/api/sessions", { as: asTenant() });
    expect(res.status).toBe(200);
    expect((res.body as PublicSession[]).map((s) => s.sessionId).sort()).toEqual([a1.sessionId, a2.sessionId].sort());
  });

  it("the other owner does not see them", async () => {
    const ids = (expectOk(await request("GET", "/api/sessions", { as: { apiKey: other.apiKey } }), "list").body as PublicSession[]).map((s) => s.sessionId);
    expect(ids).toContain(b1.sessionId);
    expect(ids).not.toContain(a1.sessionId);
    expect(ids).not.toContain(a2.sessionId);
  });

  it("a superadmin lists every tenant's sessions", async () => {
    const ids = (expectOk(await request("GET", "/api/sessions", { as: { apiKey: superadmin.apiKey } }), "list").body as PublicSession[]).map(
      (s) => s.sessionId,
    );
    expect(ids).toEqual(expect.arrayContaining([a1.sessionId, a2.sessionId, b1.sessionId]));
  });

  it("a staff member lists only the sessions assigned to them", async () => {
    const res = await request("GET", "/api/sessions", { as: { apiKey: staff.apiKey } });
    expect((res.body as PublicSession[]).map((s) => s.sessionId)).toEqual([a2.sessionId]);
    expect((await request("GET", `/api/sessions/${a2.sessionId}`, { as: { apiKey: staff.apiKey } })).status).toBe(200);
    expect((await request("GET", `/api/sessions/${a1.sessionId}`, { as: { apiKey: staff.apiKey } })).status).toBe(404);
  });

  it("finds a session by its public sessionId and by its internal id", async () => {
    for (const key of [a1.sessionId, a1.id]) {
      const res = await request("GET", `/api/sessions/${key}`, { as: asTenant() });
      expect(res.status, key).toBe(200);
      expect(res.body).toMatchObject({ id: a1.id, sessionId: a1.sessionId, name: "A1", userId: tenant.id });
    }
  });

  it("answers another tenant's session exactly like one that does not exist", async () => {
    const foreign = await request("GET", `/api/sessions/${b1.sessionId}`, { as: asTenant() });
    const foreignById = await request("GET", `/api/sessions/${b1.id}`, { as: asTenant() });
    const missing = await request("GET", "/api/sessions/nosuchsession", { as: asTenant() });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: expect.any(String) });
    expect([foreign.status, foreign.body]).toEqual([404, missing.body]);
    expect([foreignById.status, foreignById.body]).toEqual([404, missing.body]);
  });
});

describe("PATCH /api/sessions/[id] (rename)", () => {
  it("renames, and the new name is what GET and the list answer", async () => {
    const s = await createSession(asOwner(), "Before");
    const res = await request("PATCH", `/api/sessions/${s.sessionId}`, { as: asOwner(), json: { name: "  After  " } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: s.id, sessionId: s.sessionId, name: "After" });
    expect((await request("GET", `/api/sessions/${s.sessionId}`, { as: asOwner() })).body.name).toBe("After");
  });

  it("answers 400 naming name for a blank name and refuses other fields", async () => {
    const s = await createSession(asOwner(), "Keep");
    const blank = await request("PATCH", `/api/sessions/${s.sessionId}`, { as: asOwner(), json: { name: "" } });
    expect(blank.status).toBe(400);
    expect(blank.body.error).toMatch(/^name\b/);
    const status = await request("PATCH", `/api/sessions/${s.sessionId}`, { as: asOwner(), json: { name: "X", status: "CONNECTED" } });
    expect(status.status).toBe(400);
    expect(status.body.error).toMatch(/status/);
    const got = (await request("GET", `/api/sessions/${s.sessionId}`, { as: asOwner() })).body;
    expect(got).toMatchObject({ name: "Keep", status: "DISCONNECTED" });
  });
});

describe("PATCH /api/sessions/[id]/settings", () => {
  it("merges the given toggles into the config and answers { id, sessionId, name, config }", async () => {
    const s = await createSession(asOwner(), "Settings");
    const first = await request("PATCH", `/api/sessions/${s.sessionId}/settings`, { as: asOwner(), json: { config: { readReceipts: true } } });
    expect(first.status).toBe(200);
    expect(s.config).toMatchObject(API_DEFAULT_CONFIG);
    // Every other setting keeps its value: the answer is the created config with one change.
    expect(first.body).toEqual({ id: s.id, sessionId: s.sessionId, name: "Settings", config: { ...s.config, readReceipts: true } });

    const second = await request("PATCH", `/api/sessions/${s.sessionId}/settings`, {
      as: { apiKey: owner.apiKey },
      json: { config: { ghostMode: true, ppGuardEnabled: true, ppGuardFallbackUrl: "https://example.com/default-avatar.jpg" } },
    });
    expect(second.status).toBe(200);
    const merged = { ...s.config, readReceipts: true, ghostMode: true, ppGuardEnabled: true, ppGuardFallbackUrl: "https://example.com/default-avatar.jpg" };
    expect(second.body.config).toEqual(merged);

    const third = await request("PATCH", `/api/sessions/${s.sessionId}/settings`, {
      as: asOwner(),
      json: { config: { readReceipts: false, ppGuardFallbackUrl: null } },
    });
    expect(third.body.config).toEqual({ ...merged, readReceipts: false, ppGuardFallbackUrl: null });
    expect((await request("GET", `/api/sessions/${s.sessionId}`, { as: asOwner() })).body.config).toEqual({
      ...merged,
      readReceipts: false,
      ppGuardFallbackUrl: null,
    });
  });

  it.each([
    [{ config: { notASetting: true } }, /config\.notASetting/],
    [{ config: { readReceipts: "yes" } }, /^config\.readReceipts\b/],
    [{ config: { ghostMode: 1 } }, /^config\.ghostMode\b/],
    [{ config: { ppGuardFallbackUrl: "ftp://example.com/a.jpg" } }, /^config\.ppGuardFallbackUrl\b/],
    [{ config: { ppGuardFallbackUrl: "not a url" } }, /^config\.ppGuardFallbackUrl\b/],
    [{ config: "all on" }, /^config\b/],
    [{}, /^config\b/],
    [{ config: {}, extra: 1 }, /extra/],
  ])("answers 400 naming the field for %j and changes nothing", async (body, message) => {
    const s = await createSession(asOwner(), "Strict");
    const res = await request("PATCH", `/api/sessions/${s.sessionId}/settings`, { as: asOwner(), json: body });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: expect.stringMatching(message),
      issues: expect.arrayContaining([expect.objectContaining({ message: expect.any(String) })]),
    });
    expect((await request("GET", `/api/sessions/${s.sessionId}`, { as: asOwner() })).body.config).toEqual(s.config);
  });

  it("a superadmin may change any tenant's session", async () => {
    const s = await createSession({ cookie: other.cookie }, "Theirs");
    const res = await request("PATCH", `/api/sessions/${s.sessionId}/settings`, { as: { apiKey: superadmin.apiKey }, json: { config: { antiDelete: true } } });
    expect(res.status).toBe(200);
    expect((await request("GET", `/api/sessions/${s.sessionId}`, { as: { cookie: other.cookie } })).body.config.antiDelete).toBe(true);
  });
});

describe("deleting a session", () => {
  it.each(["/settings", ""])("DELETE /api/sessions/[id]%s answers { success: true } and the session is gone", async (suffix) => {
    const s = await createSession(asOwner(), "Doomed");
    const staff = await createStaff(owner, [s.sessionId]);
    const res = await request("DELETE", `/api/sessions/${s.sessionId}${suffix}`, { as: asOwner() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    expect((await request("GET", `/api/sessions/${s.sessionId}`, { as: asOwner() })).status).toBe(404);
    const list = expectOk(await request("GET", "/api/sessions", { as: asOwner() }), "list").body as PublicSession[];
    expect(list.map((x) => x.sessionId)).not.toContain(s.sessionId);
    // Its assignments went with it.
    expect(expectOk(await request("GET", `/api/users/${staff.id}/sessions`, { as: asOwner() }), "assignments").body).toEqual([]);
    // A second delete finds nothing.
    expect((await request("DELETE", `/api/sessions/${s.sessionId}${suffix}`, { as: asOwner() })).status).toBe(404);
  });

  it("another owner cannot delete it (404) and it survives", async () => {
    const s = await createSession(asOwner(), "Survivor");
    for (const suffix of ["", "/settings"]) {
      const res = await request("DELETE", `/api/sessions/${s.sessionId}${suffix}`, { as: { apiKey: other.apiKey } });
      expect(res.status, suffix).toBe(404);
    }
    expect((await request("GET", `/api/sessions/${s.sessionId}`, { as: asOwner() })).status).toBe(200);
  });

  it("a superadmin can delete any tenant's session", async () => {
    const s = await createSession({ cookie: other.cookie }, "Admin removes");
    expect((await request("DELETE", `/api/sessions/${s.sessionId}`, { as: { cookie: superadmin.cookie } })).status).toBe(200);
    expect((await request("GET", `/api/sessions/${s.sessionId}`, { as: { cookie: other.cookie } })).status).toBe(404);
  });
});
