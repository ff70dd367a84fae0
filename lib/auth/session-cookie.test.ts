import { beforeAll, describe, expect, it, vi } from "vitest";
import type * as SessionCookie from "@/lib/auth/session-cookie";

let cookie: typeof SessionCookie;
beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", "s".repeat(40));
  vi.stubEnv("APP_SECRET", "t".repeat(40));
  cookie = await import("@/lib/auth/session-cookie");
});

describe("session cookie", () => {
  it("reads authjs.session-token out of a Cookie header", () => {
    expect(cookie.readSessionCookie("a=1; authjs.session-token=abc.def; b=2")).toBe("abc.def");
    expect(cookie.readSessionCookie("authjs.session-token=x%3Dy")).toBe("x=y");
    expect(cookie.readSessionCookie("other=1")).toBeNull();
    expect(cookie.readSessionCookie("xauthjs.session-token=nope")).toBeNull();
    expect(cookie.readSessionCookie(undefined)).toBeNull();
  });

  it("round-trips a token, and rejects a tampered or foreign one", async () => {
    const token = await cookie.encodeSessionToken({ sub: "user-1", name: "N", email: "e@x.io", role: "OWNER", ver: 3 });
    expect(await cookie.decodeSessionToken(token)).toEqual({ sub: "user-1", ver: 3, sid: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) });
    // Every cookie gets its own id.
    const other = await cookie.encodeSessionToken({ sub: "user-1", name: "N", email: "e@x.io", role: "OWNER", ver: 3 });
    expect((await cookie.decodeSessionToken(other))?.sid).not.toBe((await cookie.decodeSessionToken(token))?.sid);
    expect(await cookie.decodeSessionToken(`${token.slice(0, -2)}xx`)).toBeNull();
    expect(await cookie.decodeSessionToken("not-a-jwt")).toBeNull();
  });

  it("reads a cookie issued before session versions as version 0", async () => {
    const { encode } = await import("next-auth/jwt");
    const legacy = await encode({ token: { sub: "user-2" }, secret: "s".repeat(40), salt: cookie.SESSION_COOKIE });
    expect(await cookie.decodeSessionToken(legacy)).toEqual({ sub: "user-2", ver: 0, sid: null });
  });

  it("sets an HttpOnly, SameSite=Lax cookie for the whole site, and clears it", () => {
    const set = cookie.sessionCookieHeader("tok");
    expect(set).toMatch(/^authjs\.session-token=tok; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+/);
    expect(cookie.clearSessionCookieHeader()).toMatch(/^authjs\.session-token=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
  });
});
