// POST /api/auth/logout – ends the session cookie server-side and clears it (Automation API)
import { withAuth } from "@/lib/api/with-auth";
import { clearSessionCookieHeader } from "@/lib/auth/session-cookie";
import { logout } from "@/lib/users/logout";

export const POST = withAuth({ permission: null }, async ({ caller }) =>
  Response.json(await logout(caller), { headers: { "Set-Cookie": clearSessionCookieHeader() } }),
);
