// Issue 9 on the shared gateway: login lockout is not a denial of service (item 7), cookies end at
// once on logout, password and role changes and "sign out everywhere" (item 8), and neither session
// ids nor e-mail addresses can be used to learn what other tenants have (item 11).
import { request as httpRequest } from "node:http";
import { describe, expect, inject, it } from "vitest";
import { baseUrl, registerOwner } from "../support/api-client";

/** A sign-in sent from another loopback address (the gateway sees it as another client). */
function loginFrom(localAddress: string, body: Record<string, string>): Promise<{ status: number; cookie: string | null }> {
  const url = new URL("/api/auth/login", baseUrl());
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", localAddress, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data) } },
      (res) => {
        res.resume();
        res.on("end", () => {
          const cookie = (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith("authjs.session-token=") && c.length > 25) ?? null;
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
