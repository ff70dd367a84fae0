import "server-only";
import type { Caller } from "@/lib/auth/caller";
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
