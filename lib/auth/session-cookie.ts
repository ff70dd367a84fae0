import "server-only";
import { randomBytes } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { env } from "@/lib/env";

/** Ultimate WhatsApp Gateway's cookie name, the same for the dashboard and the JSON login. */
export const SESSION_COOKIE = "authjs.session-token";
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function useSecureCookies(): boolean {
  return env.AUTH_URL?.startsWith("https://") ?? false;
}

export interface SessionClaims {
  sub: string;
  name: string;
  email: string;
  role: string;
  /**
   * The user's sessionVersion when the cookie was issued. Logout, "sign out everywhere", a password
   * or role change and a suspension bump the stored version, and resolveCaller refuses a cookie
   * that carries another one: every cookie of that user ends at once, server-side.
   */
  ver: number;
  /** This cookie's own random id: a logout ends this cookie alone (revoked_session_cookies). */
  sid?: string;
}

/** A new cookie id: 128 random bits. */
export function newSessionCookieId(): string {
  return randomBytes(16).toString("base64url");
}

export function encodeSessionToken(claims: SessionClaims): Promise<string> {
  return encode({
    token: { ...claims, sid: claims.sid ?? newSessionCookieId() },
    secret: env.AUTH_SECRET,
    salt: SESSION_COOKIE,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

export async function decodeSessionToken(token: string): Promise<{ sub: string; ver: number; sid: string | null } | null> {
  try {
    const payload = await decode({ token, secret: env.AUTH_SECRET, salt: SESSION_COOKIE });
    if (!payload || typeof payload.sub !== "string") return null;
    // A cookie issued before versions existed counts as version 0: the first bump ends it.
    return { sub: payload.sub, ver: typeof payload.ver === "number" ? payload.ver : 0, sid: typeof payload.sid === "string" ? payload.sid : null };
  } catch {
    return null;
  }
}

export function sessionCookieHeader(token: string): string {
  const secure = useSecureCookies() ? "; Secure" : "";
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_MAX_AGE_SECONDS}${secure}`;
}

export function clearSessionCookieHeader(): string {
  const secure = useSecureCookies() ? "; Secure" : "";
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT${secure}`;
}

/** Reads the session cookie out of a raw Cookie header (Socket.io handshakes have no cookie jar). */
export function readSessionCookie(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}
