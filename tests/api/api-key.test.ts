// /api/user/api-key exactly as Ultimate WhatsApp Gateway describes it, and what a key can do.
import { createHash } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createSession, createStaff, expectOk, newUserInput, registerOwner, rememberApiKey, request, sessionCookieFrom } from "../support/api-client";

const KEY_FORMAT = /^wag_[A-Za-z0-9_-]{20,}$/;

async function newKey(cookie: string): Promise<string> {
  const res = await request("POST", "/api/user/api-key", { as: { cookie } });
  expect(res.status).toBe(200);
  expect(Object.keys(res.body)).toEqual(["apiKey"]);
  expect(res.body.apiKey).toMatch(KEY_FORMAT);
  rememberApiKey(res.body.apiKey);
  return res.body.apiKey;
}

const me = (key: string) => request("GET", "/api/users/me", { as: { apiKey: key } });

describe("/api/user/api-key (Ultimate WhatsApp Gateway)", () => {
  it("GET answers { apiKey: null } for an account that never made a key", async () => {
    const reg = expectOk(await request("POST", "/api/auth/register", { json: newUserInput("nokey") }), "register");
    const res = await request("GET", "/api/user/api-key", { as: { cookie: sessionCookieFrom(reg)! } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ apiKey: null });
  });

  it("POST returns the full wag_ key once; GET then shows it masked as wag_…last4, never in full", async () => {
    const owner = await registerOwner("mask");
    const key = await newKey(owner.cookie);
    const res = await request("GET", "/api/user/api-key", { as: { cookie: owner.cookie } });
    expect(res.status).toBe(200);
    expect(res.body.apiKey).toBe(`wag_…${key.slice(-4)}`);
    expect(res.text).not.toContain(key);
    expect(res.text).not.toContain(key.slice(4, -4));
    // Also when asked with the key itself.
    const viaKey = await request("GET", "/api/user/api-key", { as: { apiKey: key } });
    expect(viaKey.body.apiKey).toBe(`wag_…${key.slice(-4)}`);
    expect(viaKey.text).not.toContain(key);
  });

  it("every POST makes a different key and the previous one stops working (401)", async () => {
    const owner = await registerOwner("rotate");
    const first = await newKey(owner.cookie);
    expect((await me(first)).status).toBe(200);
    const second = await newKey(owner.cookie);
    expect(second).not.toBe(first);
    const old = await me(first);
    expect(old.status).toBe(401);
    expect(old.body).toEqual({ error: expect.any(String) });
    expect((await me(second)).body.id).toBe(owner.id);
    // Rotating with the key itself works too, and kills the key that asked.
    const third = expectOk(await request("POST", "/api/user/api-key", { as: { apiKey: second } }), "rotate by key").body.apiKey;
    rememberApiKey(third);
    expect((await me(second)).status).toBe(401);
    expect((await me(third)).body.id).toBe(owner.id);
  });

  it("DELETE answers { success: true } and the key stops working", async () => {
    const owner = await registerOwner("revoke");
    const key = await newKey(owner.cookie);
    const res = await request("DELETE", "/api/user/api-key", { as: { apiKey: key } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    expect((await me(key)).status).toBe(401);
    expect((await request("GET", "/api/user/api-key", { as: { cookie: owner.cookie } })).body).toEqual({ apiKey: null });
    // The cookie is unaffected.
    expect((await request("GET", "/api/users/me", { as: { cookie: owner.cookie } })).status).toBe(200);
  });

  it("is accepted in X-API-Key and in Authorization: Bearer", async () => {
    const owner = await registerOwner("headers");
    const key = await newKey(owner.cookie);
    const viaHeader = await request("GET", "/api/users/me", { as: { apiKey: key } });
    const viaBearer = await request("GET", "/api/users/me", { as: { bearer: key } });
    expect(viaHeader.status).toBe(200);
    expect(viaBearer.status).toBe(200);
    expect(viaHeader.body.id).toBe(owner.id);
    expect(viaBearer.body.id).toBe(owner.id);
  });

  it("answers 401 for a wrong key, even next to a valid cookie (no silent fall-back)", async () => {
    const owner = await registerOwner("wrongkey");
    for (const key of ["wag_thisisnotarealkeyatall0000000000", "not-even-a-wag-key", owner.apiKey.slice(0, -1)]) {
      const res = await request("GET", "/api/users/me", { as: { apiKey: key }, headers: { Cookie: owner.cookie } });
      expect(res.status, key).toBe(401);
      expect(res.body.error, key).toMatch(/API key/i);
      const bearer = await request("GET", "/api/users/me", { as: { bearer: key } });
      expect(bearer.status, `Bearer ${key}`).toBe(401);
    }
  });

  it("acts with its user's role: a STAFF key cannot do what only owners may", async () => {
    const owner = await registerOwner("keyrole");
    const session = await createSession({ cookie: owner.cookie });
    const staff = await createStaff(owner, [session.sessionId]);
    expect((await request("GET", "/api/users/me", { as: { apiKey: staff.apiKey } })).body).toMatchObject({ id: staff.id, role: "STAFF" });
    expect((await request("GET", `/api/sessions/${session.sessionId}`, { as: { apiKey: staff.apiKey } })).status).toBe(200);
    expect((await request("POST", "/api/sessions", { as: { apiKey: staff.apiKey }, json: { name: "nope" } })).status).toBe(403);
    expect(
      (await request("PATCH", `/api/sessions/${session.sessionId}/settings`, { as: { apiKey: staff.apiKey }, json: { config: { ghostMode: true } } })).status,
    ).toBe(403);
    expect((await request("GET", "/api/users", { as: { apiKey: staff.apiKey } })).status).toBe(403);
    // …while the owner's key can.
    expect(
      (await request("PATCH", `/api/sessions/${session.sessionId}/settings`, { as: { apiKey: owner.apiKey }, json: { config: { ghostMode: true } } })).status,
    ).toBe(200);
  });

  it("records lastUsedAt when the key is used", async () => {
    const owner = await registerOwner("lastused");
    const key = await newKey(owner.cookie);
    const before = await request("GET", "/api/user/api-key", { as: { cookie: owner.cookie } });
    expect(before.body).toMatchObject({ apiKey: `wag_…${key.slice(-4)}`, lastUsedAt: null });
    const t0 = Date.now();
    expectOk(await me(key), "use the key");
    const after = await request("GET", "/api/user/api-key", { as: { cookie: owner.cookie } });
    const lastUsed = Date.parse(after.body.lastUsedAt);
    expect(Number.isNaN(lastUsed), `lastUsedAt: ${after.body.lastUsedAt}`).toBe(false);
    // Same machine, same clock: the use happened after t0 (1 s slack for rounding) and before now.
    expect(lastUsed).toBeGreaterThanOrEqual(t0 - 1000);
    expect(lastUsed).toBeLessThanOrEqual(Date.now() + 1000);
  });
});

describe("what the database keeps", () => {
  const databaseUrl = inject("databaseUrl");
  // With the embedded database (no DATABASE_URL) only the gateway's own process can open it.
  it.skipIf(!databaseUrl)("stores only a SHA-256 hash of the key, and an argon2id hash of the password [needs DATABASE_URL]", async () => {
    const owner = await registerOwner("hashed");
    const key = await newKey(owner.cookie);
    const client = new pg.Client({ connectionString: databaseUrl! });
    await client.connect();
    try {
      const keys = await client.query('SELECT * FROM api_keys WHERE "userId" = $1', [owner.id]);
      expect(keys.rows).toHaveLength(1);
      const row = keys.rows[0];
      expect(row.keyHash).toBe(createHash("sha256").update(key).digest("hex"));
      expect(row.last4).toBe(key.slice(-4));
      // No column of the row holds the key, or any long piece of it.
      const stored = JSON.stringify(row);
      expect(stored).not.toContain(key);
      expect(stored).not.toContain(key.slice(4, 20));

      const users = await client.query('SELECT "passwordHash" FROM users WHERE id = $1', [owner.id]);
      expect(users.rows[0].passwordHash).toMatch(/^\$argon2id\$/);
      expect(users.rows[0].passwordHash).not.toContain(owner.password);
    } finally {
      await client.end();
    }
  });
});
