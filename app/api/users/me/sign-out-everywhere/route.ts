// POST /api/users/me/sign-out-everywhere – end every dashboard session (cookie) of the caller, this one included
import { withAuth } from "@/lib/api/with-auth";
import { clearSessionCookieHeader } from "@/lib/auth/session-cookie";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";

export const POST = withAuth({ permission: "profile.read" }, async ({ caller }) =>
  Response.json(await signOutEverywhere(caller), { headers: { "Set-Cookie": clearSessionCookieHeader() } }),
);
