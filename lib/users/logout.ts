import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-cookie";
import { notifyCallerChanged } from "@/lib/realtime/notify-caller-changed";
import { db } from "@/lib/server/runtime";
import { bumpSessionVersion } from "@/lib/users/bump-session-version";

/**
 * Logout means logout: the cookie ends server-side, so a copy kept elsewhere stops working too.
 * Each cookie has its own id, revoked here until it would have expired anyway; the user's other
 * browsers stay signed in ("sign out everywhere" ends them all). A cookie from before cookie ids
 * existed has none: ending it bumps the user's session version, which ends all of their cookies.
 * A call with an API key, or with no session, only clears the cookie.
 */
export async function logout(caller: Caller | null): Promise<{ message: string }> {
  if (caller?.via === "cookie") await endCookie(caller.id, caller.cookieId ?? null);
  return { message: "Logged out successfully" };
}

/**
 * The dashboard's sign-out (next-auth's signOut, from its own endpoint or a server action): the same
 * rule for the cookie being signed out. Only a cookie that is still current counts — an old copy
 * that no longer works cannot be used to end the user's other cookies.
 */
export async function logoutSessionToken(token: { sub?: unknown; ver?: unknown; sid?: unknown } | null | undefined): Promise<void> {
  if (!token || typeof token.sub !== "string") return;
  const ver = typeof token.ver === "number" ? token.ver : 0;
  const user = await db().user.findUnique({ where: { id: token.sub }, select: { sessionVersion: true } });
  if (user && user.sessionVersion === ver) await endCookie(token.sub, typeof token.sid === "string" ? token.sid : null);
}

async function endCookie(userId: string, cookieId: string | null): Promise<void> {
  if (!cookieId) {
    await bumpSessionVersion(userId);
    return;
  }
  const now = new Date();
  await db().$transaction([
    // Rows are needed only until the cookie would have expired by itself.
    db().revokedSessionCookie.deleteMany({ where: { expiresAt: { lt: now } } }),
    db().revokedSessionCookie.upsert({
      where: { id: cookieId },
      create: { id: cookieId, userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
      update: {},
    }),
  ]);
  // Sockets opened with this cookie are disconnected.
  await notifyCallerChanged(userId);
}
