// Issue 9 on the shared gateway: login lockout is not a denial of service (item 7), cookies end at
// once on logout, password and role changes and "sign out everywhere" (item 8), and neither session
// ids nor e-mail addresses can be used to learn what other tenants have (item 11).
import { request as httpRequest } from "node:http";
import { io as connectSocket, type Socket } from "socket.io-client";
import { describe, expect, inject, it } from "vitest";
import { LOGIN_MAX_ATTEMPTS_PER_IP } from "../support/api-global-setup";
import { adminCredentials, baseUrl, createStaff, expectOk, login, registerOwner, request, sessionCookieFrom } from "../support/api-client";

/** A sign-in sent from another loopback address (the gateway sees it as another client). */
function loginFrom(localAddress: string, body: Record<string, string>, path = "/api/auth/login"): Promise<{ status: number; cookie: string | null }> {
  const url = new URL(path, baseUrl());
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        localAddress,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data) },
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          const cookie =
            (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith("authjs.session-token=") && c.length > 25) ?? null;
          resolve({ status: res.statusCode ?? 0, cookie });
        });
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

describe("login lockout", () => {
  const max = () => inject("loginMaxAttemptsPerAccount");

  it("slows the guesser's address, while the real user signs in from another one", async () => {
    const target = await registerOwner("lockout");
    for (let i = 0; i < max(); i++) expect((await loginFrom("127.0.0.2", { username: target.username, password: `wrong-${i}` })).status).toBe(401);
    // The guesser is stopped, even with the right password…
    expect((await loginFrom("127.0.0.2", { username: target.username, password: target.password })).status).toBe(429);
    // …the owner, from elsewhere, is not.
    const owner = await loginFrom("127.0.0.3", { username: target.username, password: target.password });
    expect(owner.status).toBe(200);
    expect(owner.cookie).not.toBeNull();
  });

  it("nobody can lock the superadmin out", async () => {
    for (let i = 0; i < max() + 2; i++) {
      const res = await loginFrom("127.0.0.4", { username: inject("adminEmail"), password: `wrong-${i}` });
      expect([401, 429]).toContain(res.status);
    }
    expect((await loginFrom("127.0.0.4", { username: inject("adminEmail"), password: inject("adminPassword") })).status).toBe(429);
    expect((await loginFrom("127.0.0.5", { username: inject("adminEmail"), password: inject("adminPassword") })).status).toBe(200);
  });
});

describe("server-side session versions", () => {
  const me = (cookie: string) => request("GET", "/api/users/me", { as: { cookie } });

  it("logout ends the cookie at once, also a copy kept elsewhere; the user's other browsers stay signed in", async () => {
    const user = await registerOwner("logout");
    const copy = user.cookie;
    const otherBrowser = await login(user.username, user.password);
    expect((await me(copy)).status).toBe(200);
    const res = expectOk(await request("POST", "/api/auth/logout", { as: { cookie: user.cookie } }), "logout");
    expect(res.headers.getSetCookie().join()).toMatch(/authjs\.session-token=;.*Max-Age=0/);
    expect((await me(copy)).status).toBe(401);
    expect((await me(otherBrowser)).status).toBe(200);
    // The API key is not a cookie: it keeps working until revoked.
    expect((await request("GET", "/api/users/me", { as: { apiKey: user.apiKey } })).status).toBe(200);
    expect((await me(await login(user.username, user.password))).status).toBe(200);
  });

  it("the dashboard's sign-out (next-auth) ends the cookie server-side too", async () => {
    const user = await registerOwner("nasignout");
    const copy = user.cookie;
    const otherBrowser = await login(user.username, user.password);
    const csrf = await fetch(`${baseUrl()}/api/auth/csrf`, { headers: { Cookie: user.cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .find((c) => c.includes("csrf-token"))!;
    const res = await fetch(`${baseUrl()}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `${user.cookie}; ${csrfCookie}`, Origin: baseUrl() },
      body: new URLSearchParams({ csrfToken }).toString(),
    });
    expect(res.status).toBeLessThan(400);
    expect((await me(copy)).status).toBe(401);
    expect((await me(otherBrowser)).status).toBe(200);
  });

  it("a password change ends every other cookie; the browser that changed it gets a fresh one", async () => {
    const user = await registerOwner("pwchange");
    const elsewhere = await login(user.username, user.password);
    const res = expectOk(
      await request("PATCH", "/api/users/me", { as: { cookie: user.cookie }, json: { currentPassword: user.password, newPassword: "a-new-password-1" } }),
      "change",
    );
    const fresh = sessionCookieFrom(res);
    expect(fresh).not.toBeNull();
    expect((await me(elsewhere)).status).toBe(401);
    expect((await me(user.cookie)).status).toBe(401);
    expect((await me(fresh!)).status).toBe(200);
  });

  it("sign out everywhere ends every cookie of the caller, this one included", async () => {
    const user = await registerOwner("everywhere");
    const second = await login(user.username, user.password);
    const res = expectOk(await request("POST", "/api/users/me/sign-out-everywhere", { as: { cookie: user.cookie } }), "sign out everywhere");
    expect(res.body).toMatchObject({ success: true });
    expect((await me(user.cookie)).status).toBe(401);
    expect((await me(second)).status).toBe(401);
    // With an API key it ends the cookies too.
    const third = await login(user.username, user.password);
    expectOk(await request("POST", "/api/users/me/sign-out-everywhere", { as: { apiKey: user.apiKey } }), "via key");
    expect((await me(third)).status).toBe(401);
    expect((await request("POST", "/api/users/me/sign-out-everywhere", {})).status).toBe(401);
  });

  it("a role change or a password reset by an admin ends the user's cookies", async () => {
    const admin = await adminCredentials();
    const target = await registerOwner("promoted");
    expectOk(await request("PATCH", `/api/users/${target.id}`, { as: admin, json: { role: "SUPERADMIN" } }), "promote");
    expect((await me(target.cookie)).status).toBe(401);
    const again = await login(target.username, target.password);
    expect((await me(again)).status).toBe(200);
    expectOk(await request("PATCH", `/api/users/${target.id}`, { as: admin, json: { password: "reset-by-admin-1" } }), "reset");
    expect((await me(again)).status).toBe(401);
    // Renaming is not a reason to sign anyone out.
    const third = await login(target.username, "reset-by-admin-1");
    expectOk(await request("PATCH", `/api/users/${target.id}`, { as: admin, json: { name: "Renamed" } }), "rename");
    expect((await me(third)).status).toBe(200);
  });

  it("a suspended user can use neither cookie nor key nor sign in, until the suspension is lifted", async () => {
    const owner = await registerOwner("suspends");
    const staff = await createStaff(owner);
    expectOk(await request("PATCH", `/api/users/${staff.id}`, { as: { cookie: owner.cookie }, json: { suspended: true } }), "suspend");
    expect((await me(staff.cookie)).status).toBe(401);
    const byKey = await request("GET", "/api/users/me", { as: { apiKey: staff.apiKey } });
    expect(byKey.status).toBe(401);
    expect(byKey.body.error).toMatch(/suspended/);
    expect((await request("POST", "/api/auth/login", { json: { username: staff.username, password: staff.password } })).status).toBe(403);
    expect((await request("POST", "/api/auth/login", { json: { username: staff.username, password: "wrong-password" } })).status).toBe(401);
    expectOk(await request("PATCH", `/api/users/${staff.id}`, { as: { cookie: owner.cookie }, json: { suspended: false } }), "lift");
    expect((await request("GET", "/api/users/me", { as: { apiKey: staff.apiKey } })).status).toBe(200);
    expect((await me(await login(staff.username, staff.password))).status).toBe(200);
    // Another tenant's owner cannot suspend this staff member.
    const other = await registerOwner("other");
    expect((await request("PATCH", `/api/users/${staff.id}`, { as: { cookie: other.cookie }, json: { suspended: true } })).status).toBe(404);
    expect((await request("PATCH", `/api/users/${staff.id}`, { as: { cookie: owner.cookie }, json: { suspended: "yes" } })).status).toBe(400);
  });

  it("a suspended user's key and cookie sockets are disconnected", async () => {
    const owner = await registerOwner("susp-sock");
    const staff = await createStaff(owner);
    const open = (opts: Parameters<typeof connectSocket>[1]) =>
      new Promise<Socket>((resolve, reject) => {
        const s = connectSocket(baseUrl(), { ...opts, transports: ["websocket"], reconnection: false });
        s.once("connect", () => resolve(s));
        s.once("connect_error", reject);
      });
    const byKey = await open({ auth: { apiKey: staff.apiKey } });
    const byCookie = await open({ extraHeaders: { Cookie: staff.cookie } });
    try {
      expectOk(await request("PATCH", `/api/users/${staff.id}`, { as: { cookie: owner.cookie }, json: { suspended: true } }), "suspend");
      const deadline = Date.now() + 2_000;
      while ((byKey.connected || byCookie.connected) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect([byKey.connected, byCookie.connected]).toEqual([false, false]);
    } finally {
      byKey.close();
      byCookie.close();
    }
  });

  it("open sockets of a user whose cookies ended are disconnected", async () => {
    const user = await registerOwner("sockets");
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connectSocket(baseUrl(), { extraHeaders: { Cookie: user.cookie }, transports: ["websocket"], reconnection: false });
      s.once("connect", () => resolve(s));
      s.once("connect_error", reject);
    });
    try {
      expectOk(await request("POST", "/api/users/me/sign-out-everywhere", { as: { apiKey: user.apiKey } }), "sign out everywhere");
      const deadline = Date.now() + 2_000;
      while (socket.connected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(socket.connected).toBe(false);
    } finally {
      socket.close();
    }
  });
});

describe("enumeration", () => {
  it("a custom sessionId reveals nothing about other tenants: each tenant's URL reaches its own session", async () => {
    const [a, b] = await Promise.all([registerOwner("enum-a"), registerOwner("enum-b")]);
    const custom = `shop-${Date.now().toString(36)}`;
    const first = expectOk(
      await request("POST", "/api/sessions", { as: { apiKey: a.apiKey }, json: { name: "A's shop", sessionId: custom } }),
      "a creates",
    ).body;
    // Taken by A, but B cannot tell: B gets it too.
    const second = expectOk(
      await request("POST", "/api/sessions", { as: { apiKey: b.apiKey }, json: { name: "B's shop", sessionId: custom } }),
      "b creates",
    ).body;
    expect(second.id).not.toBe(first.id);
    // Every URL resolves within the caller's own sessions.
    expect(expectOk(await request("GET", `/api/sessions/${custom}`, { as: { apiKey: a.apiKey } }), "a reads").body).toMatchObject({
      id: first.id,
      name: "A's shop",
    });
    expect(expectOk(await request("GET", `/api/sessions/${custom}`, { as: { apiKey: b.apiKey } }), "b reads").body).toMatchObject({
      id: second.id,
      name: "B's shop",
    });
    expectOk(await request("PATCH", `/api/sessions/${custom}`, { as: { apiKey: b.apiKey }, json: { name: "Renamed by B" } }), "b renames");
    expectOk(await request("DELETE", `/api/sessions/${custom}`, { as: { apiKey: b.apiKey } }), "b deletes");
    expect(expectOk(await request("GET", `/api/sessions/${custom}`, { as: { apiKey: a.apiKey } }), "a still has it").body).toMatchObject({
      id: first.id,
      name: "A's shop",
    });
    expect((await request("GET", `/api/sessions/${first.id}`, { as: { apiKey: b.apiKey } })).status).toBe(404);
    // A webhook bound by sessionId binds the caller's own session.
    const hook = expectOk(
      await request("POST", "/api/webhooks", {
        as: { apiKey: a.apiKey },
        json: { name: "h", url: "http://8.8.8.8/", events: ["message.received"], sessionId: custom },
      }),
      "hook",
    ).body;
    expect(JSON.stringify(hook)).toContain(custom);
  });

  it("a superadmin addressing a public id that several tenants use is told to use the internal id", async () => {
    const [a, b] = await Promise.all([registerOwner("dup-a"), registerOwner("dup-b")]);
    const custom = `dup-${Date.now().toString(36)}`;
    const first = expectOk(await request("POST", "/api/sessions", { as: { apiKey: a.apiKey }, json: { name: "A", sessionId: custom } }), "a").body;
    expectOk(await request("POST", "/api/sessions", { as: { apiKey: b.apiKey }, json: { name: "B", sessionId: custom } }), "b");
    const admin = await adminCredentials();
    const ambiguous = await request("GET", `/api/sessions/${custom}`, { as: admin });
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.body.error).toMatch(/^sessionId: .*use the session's id/);
    expect(expectOk(await request("GET", `/api/sessions/${first.id}`, { as: admin }), "by id").body).toMatchObject({ id: first.id, name: "A" });
  });

  it("probing sign-up for used e-mails spends the address's budget: then 429, other addresses unaffected", async () => {
    const user = await registerOwner("probed");
    let status = 0;
    let conflicts = 0;
    for (let i = 0; i < LOGIN_MAX_ATTEMPTS_PER_IP + 10 && status !== 429; i++) {
      status = (
        await loginFrom(
          "127.0.0.6",
          { name: "P", email: user.email, username: `probe-${i}-${Date.now().toString(36)}`, password: "password-123" },
          "/api/auth/register",
        )
      ).status;
      if (status === 409) conflicts++;
    }
    expect(status).toBe(429);
    expect(conflicts).toBe(LOGIN_MAX_ATTEMPTS_PER_IP);
    const fresh = `fresh-${Date.now().toString(36)}`;
    expect(
      (await loginFrom("127.0.0.7", { name: "F", email: `${fresh}@example.test`, username: fresh, password: "password-123" }, "/api/auth/register")).status,
    ).toBe(200);
  });

  it("registration: another letter case of a used e-mail gets the same generic answer as a used username", async () => {
    const user = await registerOwner("case");
    const fresh = `fresh-${Date.now().toString(36)}`;
    const byEmail = await request("POST", "/api/auth/register", {
      json: { name: "X", email: user.email.toUpperCase(), username: fresh, password: "password-123" },
    });
    const byUsername = await request("POST", "/api/auth/register", {
      json: { name: "X", email: `${fresh}@example.test`, username: user.username.toUpperCase(), password: "password-123" },
    });
    expect([byEmail.status, byUsername.status]).toEqual([409, 409]);
    expect(byEmail.body).toEqual(byUsername.body);
    // And signing in ignores the letter case of the e-mail.
    expect((await request("POST", "/api/auth/login", { json: { email: user.email.toUpperCase(), password: user.password } })).status).toBe(200);
  });
});
