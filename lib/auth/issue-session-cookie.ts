import "server-only";
import { encodeSessionToken, sessionCookieHeader } from "@/lib/auth/session-cookie";

/**
 * The Set-Cookie header that signs a user in. Login and register both end here, so what a session
 * token carries is decided in one place.
 */
export async function issueSessionCookie(user: { id: string; name: string; email: string; role: string }): Promise<string> {
  const token = await encodeSessionToken({ sub: user.id, name: user.name, email: user.email, role: user.role });
  return sessionCookieHeader(token);
}
