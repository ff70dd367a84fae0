// GET /api/users/me – the caller's own profile
// PATCH /api/users/me – change the caller's own name, phone, password, time zone or language
import { withAuth } from "@/lib/api/with-auth";
import { issueSessionCookie } from "@/lib/auth/issue-session-cookie";
import { clientIp } from "@/lib/server/client-ip";
import { getMe } from "@/lib/users/get-me";
import { updateMe } from "@/lib/users/update-me";
import { updateMeSchema } from "@/lib/users/users.schema";

export const GET = withAuth({ permission: "profile.read" }, ({ caller }) => getMe(caller));

export const PATCH = withAuth({ permission: "profile.read", body: updateMeSchema }, async ({ caller, body, req }) => {
  const { user, sessionVersion } = await updateMe(caller, body, clientIp(req.headers));
  // A password change ended every cookie; the browser that made it gets a fresh one.
  if (sessionVersion === null || caller.via !== "cookie") return Response.json(user);
  return Response.json(user, { headers: { "Set-Cookie": await issueSessionCookie({ ...user, sessionVersion }) } });
});
