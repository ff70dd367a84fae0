// The gateway's public edges: health, unknown paths, the OpenAPI document, and the promise that no
// answer ever carries a password hash or an API key hash.
import { describe, expect, it } from "vitest";
import { adminCredentials, createSession, createStaff, registerOwner, request } from "../support/api-client";
import { declaredEndpoints } from "../support/declared-endpoints";

describe("GET /api/health", () => {
  it('answers { status: "ok" } without credentials', async () => {
    const res = await request("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });
});

describe("unknown /api paths", () => {
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"])("%s answers 404 JSON, not the HTML page", async (method) => {
    for (const path of ["/api/does-not-exist", "/api/sessions/abc/nothing-here/deeper", "/api/v2/users"]) {
      const res = await request(method, path, method === "GET" ? {} : { json: {} });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.contentType, `${method} ${path}`).toContain("application/json");
      expect(res.body, `${method} ${path}`).toEqual({ error: expect.any(String) });
    }
  });
});

describe("GET /api/openapi.json", () => {
  it("documents exactly the endpoints the app declares", async () => {
    const res = await request("GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{[^}]+\}/g, ":id")}`),
    );
    const declared = declaredEndpoints();
    expect(
      declared.filter((e) => !documented.includes(e)),
      "declared but not documented",
    ).toEqual([]);
  });
});

describe("no answer carries a secret", () => {
  // Every helper request already fails on "passwordHash", "keyHash", "$argon2" or a known key's
  // hash (tests/support/api-client.ts); this walks the answers that carry users on purpose.
  it("user-bearing answers have no passwordHash, no key hash, no password", async () => {
    const owner = await registerOwner("secrets");
    const session = await createSession({ cookie: owner.cookie });
    const staff = await createStaff(owner, [session.sessionId]);
    const admin = await adminCredentials();
    const answers = [
      await request("POST", "/api/auth/login", { json: { username: owner.username, password: owner.password } }),
      await request("GET", "/api/users/me", { as: { apiKey: owner.apiKey } }),
      await request("GET", "/api/users", { as: { cookie: owner.cookie } }),
      await request("GET", "/api/users", { as: admin }),
      await request("PATCH", `/api/users/${staff.id}`, { as: { cookie: owner.cookie }, json: { name: "Renamed" } }),
      await request("PATCH", "/api/users/me", { as: { cookie: owner.cookie }, json: { name: "Me" } }),
      await request("GET", "/api/user/api-key", { as: { apiKey: owner.apiKey } }),
      await request("GET", `/api/users/${staff.id}/sessions`, { as: { cookie: owner.cookie } }),
      await request("GET", "/api/sessions", { as: { apiKey: staff.apiKey } }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(200);
      for (const secret of ["passwordHash", "keyHash", "$argon2", owner.password, staff.password, owner.apiKey, staff.apiKey]) {
        expect(res.text).not.toContain(secret);
      }
    }
    // The lists really did include users, so the check above looked at something.
    expect(answers[3].body.length).toBeGreaterThan(2);
  });
});
