// POST /api/auth/logout – clears the session cookie (Automation API)
import { withAuth } from "@/lib/api/with-auth";
import { clearSessionCookieHeader } from "@/lib/auth/session-cookie";

export const POST = withAuth({ permission: null }, async () =>
  Response.json({ message: "Logged out successfully" }, { headers: { "Set-Cookie": clearSessionCookieHeader() } }),
);
