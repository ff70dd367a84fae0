// Sign-up, sign-in, sign-out (Automation API's /api/auth/*) against the real gateway.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { type ApiResponse, expectOk, login, newUserInput, registerOwner, request, sessionCookieFrom, uniqueName } from "../support/api-client";

const register = (json: unknown) => request("POST", "/api/auth/register", { json });
const loginWith = (json: unknown) => request("POST", "/api/auth/login", { json });

function registerBody() {
  const username = uniqueName("john");
  return { name: "John Doe", phone: "+1234567890", email: `${username}@example.test`, username, password: "securePassword123", gst: "GST12345" };
}

function sessionCookieLine(res: ApiResponse): string {
  return res.headers.getSetCookie().find((l) => l.startsWith("authjs.session-token=")) ?? "";
}

describe("POST /api/auth/register", () => {
  it("accepts Automation API's body, creates an OWNER and signs them in with authjs.session-token", async () => {
    const body = registerBody();
    const res = await register(body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      message: "User registered successfully",
      user: expect.objectContaining({ name: "John Doe", email: body.email, username: body.username, phone: "+1234567890", role: "OWNER", ownerId: null }),
    });
    expect(res.body.user).not.toHaveProperty("password");
    const line = sessionCookieLine(res);
    expect(line).toMatch(/^authjs\.session-token=[^;]+;/);
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*Path=\//i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);

    const me = await request("GET", "/api/users/me", { as: { cookie: sessionCookieFrom(res)! } });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: res.body.user.id, username: body.username, email: body.email, role: "OWNER" });
    // Registering signs the owner in: "last sign-in" is set from the start.
    expect(Date.parse(me.body.lastLoginAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("stores email and username in lower case", async () => {
    const body = registerBody();
    const res = await register({ ...body, email: body.email.toUpperCase(), username: body.username.toUpperCase() });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: body.email, username: body.username });
  });

  // Issue 9: one generic answer, which does not say which of the two is in use (README "Security").
  it("answers a generic 409 when the email is taken (in any letter case)", async () => {
    const first = registerBody();
    expectOk(await register(first), "first registration");
    const res = await register({ ...registerBody(), email: first.email.toUpperCase() });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: "email or username: already in use" });
  });

  it("answers the same generic 409 when the username is taken (in any letter case)", async () => {
    const first = registerBody();
    expectOk(await register(first), "first registration");
    const res = await register({ ...registerBody(), username: first.username.toUpperCase() });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: "email or username: already in use" });
  });

  it.each(["name", "email", "username", "password"])("answers 400 naming %s when it is missing", async (field) => {
    const body: Record<string, unknown> = registerBody();
    delete body[field];
    const res = await register(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(new RegExp(`^${field}\\b`));
  });

  it.each([
    ["email", "not-an-email"],
    ["email", 42],
    ["username", "a"],
    ["username", "has spaces"],
    ["password", "short"],
    ["name", "   "],
    ["phone", "call me"],
  ])("answers 400 naming %s when it is %j", async (field, value) => {
    const res = await register({ ...registerBody(), [field]: value });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(new RegExp(`^${field}\\b`));
  });

  it("refuses fields it does not know, so nobody signs up as SUPERADMIN", async () => {
    const body = registerBody();
    const res = await register({ ...body, role: "SUPERADMIN" });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/\brole\b/);
    // And nothing was created: the username is still free.
    expect((await register(body)).status).toBe(200);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const res = await request("POST", "/api/auth/register", { rawBody: '{"name": "John",' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.stringMatching(/JSON/) });
  });

  it("answers 400 for JSON that is not an object", async () => {
    for (const raw of ["[]", "null", '"text"', "42"]) {
      const res = await request("POST", "/api/auth/register", { rawBody: raw });
      expect(res.status, raw).toBe(400);
      expect(typeof res.body.error, raw).toBe("string");
    }
  });
});

describe("POST /api/auth/login", () => {
  let user: Awaited<ReturnType<typeof registerOwner>>;
  beforeAll(async () => {
    user = await registerOwner("login");
  });

  it("signs in by username with Automation API's answer, and the cookie works for /api/users/me", async () => {
    const res = await loginWith({ username: user.username, password: user.password });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      message: "Login successful",
      user: expect.objectContaining({ name: user.name, username: user.username, email: user.email }),
    });
    const cookie = sessionCookieFrom(res);
    expect(cookie).toBeTruthy();
    const me = await request("GET", "/api/users/me", { as: { cookie: cookie! } });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.id);
    expect(me.body.lastLoginAt).not.toBeNull();
  });

  it("signs in by email, by `identifier`, and ignores letter case", async () => {
    for (const body of [
      { email: user.email, password: user.password },
      { identifier: user.email, password: user.password },
      { identifier: user.username, password: user.password },
      { username: user.username.toUpperCase(), password: user.password },
      { email: user.email.toUpperCase(), password: user.password },
    ]) {
      const res = await loginWith(body);
      expect(res.status, JSON.stringify(body)).toBe(200);
      const me = await request("GET", "/api/users/me", { as: { cookie: sessionCookieFrom(res)! } });
      expect(me.body.id, JSON.stringify(body)).toBe(user.id);
    }
  });

  it("answers 401 with the same message for a wrong password and for an unknown user, and sets no cookie", async () => {
    const wrongPassword = await loginWith({ username: user.username, password: "not-the-password" });
    const unknownUser = await loginWith({ username: uniqueName("nobody"), password: "not-the-password" });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body.error).toEqual(expect.any(String));
    expect(unknownUser.body).toEqual(wrongPassword.body);
    expect(sessionCookieFrom(wrongPassword)).toBeNull();
    expect(sessionCookieFrom(unknownUser)).toBeNull();
  });

  it("answers 400 naming the field when the password or the name is missing", async () => {
    const noPassword = await loginWith({ username: user.username });
    expect(noPassword.status).toBe(400);
    expect(noPassword.body.error).toMatch(/^password\b/);
    const noName = await loginWith({ password: user.password });
    expect(noName.status).toBe(400);
    expect(noName.body.error).toMatch(/^username\b/);
  });

  it("answers 429 with Retry-After once an account has had its failed attempts, even with the right password", async () => {
    const max = inject("loginMaxAttemptsPerAccount");
    const target = await registerOwner("locked");
    for (let i = 0; i < max; i++) {
      const res = await loginWith({ username: target.username, password: `wrong-${i}` });
      expect(res.status, `failed attempt ${i + 1} of ${max}`).toBe(401);
    }
    const blocked = await loginWith({ username: target.username, password: target.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({ error: expect.any(String) });
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter) && retryAfter > 0, `Retry-After: ${blocked.headers.get("retry-after")}`).toBe(true);
    expect(sessionCookieFrom(blocked)).toBeNull();

    // The same account by its other name is the same account.
    const byEmail = await loginWith({ email: target.email, password: target.password });
    expect(byEmail.status, "the account is locked whichever name is used").toBe(429);

    // Other accounts are not affected.
    expect((await loginWith({ username: user.username, password: user.password })).status).toBe(200);
    // A signed-in session of the locked account keeps working: the limit is on signing in.
    expect((await request("GET", "/api/users/me", { as: { cookie: target.cookie } })).status).toBe(200);
  });

  it("forgets an account's failures after a successful sign-in", async () => {
    const max = inject("loginMaxAttemptsPerAccount");
    const target = await registerOwner("resets");
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < max - 1; i++) expect((await loginWith({ username: target.username, password: "wrong" })).status).toBe(401);
      expect((await loginWith({ username: target.username, password: target.password })).status, `round ${round}`).toBe(200);
    }
  });
});

describe("POST /api/auth/logout", () => {
  it("clears the session cookie (Automation API)", async () => {
    const user = await registerOwner("logout");
    const res = await request("POST", "/api/auth/logout", { as: { cookie: user.cookie } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: "Logged out successfully" });
    const line = sessionCookieLine(res);
    expect(line).toMatch(/^authjs\.session-token=;/);
    expect(line).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(line).toMatch(/;\s*Path=\//i);
  });
});

describe("the session cookie", () => {
  it("is no session at all once tampered with", async () => {
    const user = await registerOwner("tamper");
    const [name, value] = user.cookie.split("=");
    const tampered = `${name}=${value.slice(0, -4)}${value.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    const res = await request("GET", "/api/users/me", { as: { cookie: tampered } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: expect.any(String) });
  });
});

// The second gateway of api-global-setup.ts: sign-up switched off, and a per-address budget so
// small it cannot be tried on the shared gateway without locking every other test file out.
describe("a gateway with ALLOW_SIGNUP=false and LOGIN_MAX_ATTEMPTS_PER_IP=3", () => {
  const closed = inject("closedGateway");
  const base = { baseUrl: closed.baseUrl };

  it("refuses sign-up with 403 and creates nobody", async () => {
    const body = newUserInput("nosignup");
    const res = await request("POST", "/api/auth/register", { json: body, ...base });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: expect.stringMatching(/sign-up/i) });
    expect(sessionCookieFrom(res)).toBeNull();
    // Checked through the admin, not a failed sign-in: that would spend this gateway's small budget.
    const cookie = await login(closed.adminEmail, closed.adminPassword, closed.baseUrl);
    const users = expectOk(await request("GET", "/api/users", { as: { cookie }, ...base }), "list users").body;
    expect(users.map((u: { username: string }) => u.username)).not.toContain(body.username);
  });

  it("still lets the admin sign in and create users", async () => {
    const cookie = await login(closed.adminEmail, closed.adminPassword, closed.baseUrl);
    const input = newUserInput("byadmin");
    const res = await request("POST", "/api/users", { as: { cookie }, json: { ...input, role: "OWNER" }, ...base });
    expect(res.status).toBe(201);
    await login(input.username, input.password, closed.baseUrl);
  });

  it("stops an address that sprays many accounts, whatever account it tries next", async () => {
    for (let i = 0; i < closed.loginMaxAttemptsPerIp; i++) {
      const res = await request("POST", "/api/auth/login", { json: { username: uniqueName("spray"), password: "guess" }, ...base });
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const res = await request("POST", "/api/auth/login", { json: { username: closed.adminEmail, password: closed.adminPassword }, ...base });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
