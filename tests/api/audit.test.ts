// GET /api/audit and the writes behind it: sign-ins, keys, sessions, webhooks and users are recorded
// once each, under the right tenant, with no secret in them.
import { beforeAll, describe, expect, it } from "vitest";
import { type Actor, createSession, createStaff, createSuperadmin, expectOk, login, registerOwner, request } from "../support/api-client";

interface Entry {
  action: string;
  actorId: string | null;
  targetId: string | null;
  targetName: string | null;
  details: Record<string, unknown>;
  ownerId: string | null;
}

let owner: Actor;
let other: Actor;
let superadmin: Actor;

const audit = async (as: { cookie: string } | { apiKey: string }, query = "") =>
  request<{ entries: Entry[]; total: number }>("GET", `/api/audit${query}`, { as });

beforeAll(async () => {
  [owner, other, superadmin] = await Promise.all([registerOwner("audown"), registerOwner("audother"), createSuperadmin("audsuper")]);
});

describe("the audit log", () => {
  it("records a tenant's sign-in, key, session, webhook and user changes, under that tenant", async () => {
    await login(owner.username, owner.password);
    const session = await createSession({ apiKey: owner.apiKey }, "Audited line");
    expectOk(await request("POST", `/api/sessions/${session.sessionId}/logout`, { as: { apiKey: owner.apiKey } }), "logout");
    const hook = expectOk(
      await request("POST", "/api/webhooks", {
        as: { apiKey: owner.apiKey },
        json: { name: "Audited hook", url: "https://93.184.216.34/hooks/audit", events: ["*"] },
      }),
      "create webhook",
    ).body;
    expectOk(
      await request("PATCH", `/api/webhooks/${hook.id}`, { as: { apiKey: owner.apiKey }, json: { secret: "a-very-secret-value", name: "Renamed hook" } }),
      "update webhook",
    );
    expectOk(await request("DELETE", `/api/webhooks/${hook.id}`, { as: { apiKey: owner.apiKey } }), "delete webhook");
    const staff = await createStaff(owner, [], "audstaff");
    expectOk(await request("PATCH", `/api/users/${staff.id}`, { as: { apiKey: owner.apiKey }, json: { password: "another-password-1" } }), "reset password");
    expectOk(await request("DELETE", `/api/sessions/${session.sessionId}`, { as: { apiKey: owner.apiKey } }), "delete session");

    const res = expectOk(await audit({ cookie: owner.cookie }), "audit").body;
    const actions = res.entries.map((e) => e.action);
    for (const action of [
      "signed_in",
      "api_key.created",
      "session.created",
      "session.logged_out",
      "webhook.created",
      "webhook.updated",
      "webhook.deleted",
      "user.created",
      "user.updated",
      "session.deleted",
    ]) {
      expect(actions, action).toContain(action);
    }
    expect(res.entries.every((e) => e.ownerId === owner.id)).toBe(true);
    const deleted = res.entries.find((e) => e.action === "session.deleted")!;
    expect(deleted).toMatchObject({ actorId: owner.id, targetId: session.sessionId, targetName: "Audited line" });
    // Field names, never values of secrets.
    expect(res.entries.find((e) => e.action === "webhook.updated")!.details).toEqual({ fields: ["name", "secret"] });
    expect(res.entries.find((e) => e.action === "user.updated")!.details).toEqual({ fields: ["password"] });
    expect(JSON.stringify(res.entries)).not.toContain("a-very-secret-value");
    expect(JSON.stringify(res.entries)).not.toContain("another-password-1");

    const filtered = expectOk(await audit({ apiKey: owner.apiKey }, "?action=session.deleted"), "filtered").body;
    expect(filtered.entries.map((e) => e.action)).toEqual(["session.deleted"]);
  });

  it("another tenant sees none of it; a superadmin sees both tenants", async () => {
    await createSession({ apiKey: other.apiKey }, "Other line");
    const theirs = expectOk(await audit({ apiKey: other.apiKey }), "other").body;
    expect(theirs.entries.length).toBeGreaterThan(0);
    expect(theirs.entries.every((e) => e.ownerId === other.id)).toBe(true);
    const all = expectOk(await audit({ apiKey: superadmin.apiKey }, "?q=line"), "superadmin").body;
    const owners = new Set(all.entries.map((e) => e.ownerId));
    expect(owners.has(owner.id) && owners.has(other.id)).toBe(true);
  });

  it("is not for staff (403)", async () => {
    const staff = await createStaff(owner, [], "audstaff2");
    expect((await audit({ cookie: staff.cookie })).status).toBe(403);
  });

  it.each(["?action=hacked", "?page=0", "?ownerId=x"])("answers 400 for %s", async (query) => {
    const res = await request("GET", `/api/audit${query}`, { as: { apiKey: owner.apiKey } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: expect.any(String), issues: expect.any(Array) });
  });

  it("answers 401 without credentials", async () => {
    expect((await request("GET", "/api/audit", { as: null })).status).toBe(401);
  });
});
