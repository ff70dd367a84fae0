import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { bumpSessionVersion } from "@/lib/users/bump-session-version";

/** POST /api/users/me/sign-out-everywhere: every cookie of the caller ends, this browser's included. */
export async function signOutEverywhere(caller: Caller): Promise<{ success: true; message: string }> {
  await bumpSessionVersion(caller.id);
  return { success: true, message: "Signed out everywhere; API keys keep working until you revoke them" };
}
