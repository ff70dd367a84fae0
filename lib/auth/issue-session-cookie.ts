import "server-only";
import { encodeSessionToken, sessionCookieHeader } from "@/lib/auth/session-cookie";

/**
 * The Set-Cookie header that signs a user in. Login and register both end here, so what a session
 * token carries is decided in one place. `ver` is the user's server-side session version: bumping it
 * (logout everywhere, password or role change, suspension) ends every cookie issued before.
 */
export async function issueSessionCookie(user: { id: string; name: string; email: string; role: string; sessionVersion?: number }): Promise<string> {
  const token = await encodeSessionToken({ sub: user.id, name: user.name, email: user.email, role: user.role, ver: user.sessionVersion ?? 0 });
  return sessionCookieHeader(token);
}
