import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { bumpSessionVersion } from "@/lib/users/bump-session-version";

/**
 * Logout means logout: a copy of the cookie kept elsewhere must not work afterwards. Cookies hold
 * no per-cookie id, so ending this one bumps the user's session version, which ends all of that
 * user's cookies (every browser signs in again). A call with an API key, or with no session, only
 * clears the cookie.
 */
export async function logout(caller: Caller | null): Promise<{ message: string }> {
  if (caller?.via === "cookie") await bumpSessionVersion(caller.id);
  return { message: "Logged out successfully" };
}

/**
 * The dashboard's sign-out (next-auth's signOut, from its own endpoint or a server action): the same
 * rule for the cookie being signed out. Only a cookie that is still current ends the others — an
 * old copy that no longer works cannot be used to sign the user out elsewhere.
 */
export async function logoutSessionToken(token: { sub?: unknown; ver?: unknown } | null | undefined): Promise<void> {
  if (!token || typeof token.sub !== "string") return;
  const ver = typeof token.ver === "number" ? token.ver : 0;
  const user = await db().user.findUnique({ where: { id: token.sub }, select: { sessionVersion: true } });
  if (user && user.sessionVersion === ver) await bumpSessionVersion(token.sub);
}
