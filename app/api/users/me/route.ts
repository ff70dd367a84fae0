// GET /api/users/me – the caller's own profile
// PATCH /api/users/me – change the caller's own name, phone or password
import { withAuth } from "@/lib/api/with-auth";
import { encodeSessionToken, sessionCookieHeader } from "@/lib/auth/session-cookie";
import { clientIp } from "@/lib/server/client-ip";
import { getMe } from "@/lib/users/get-me";
import { updateMe } from "@/lib/users/update-me";
import { updateMeSchema } from "@/lib/users/users.schema";

export const GET = withAuth({ permission: "profile.read" }, ({ caller }) => getMe(caller));

export const PATCH = withAuth({ permission: "profile.read", body: updateMeSchema }, async ({ caller, body, req }) => {
  const { user, sessionVersion } = await updateMe(caller, body, clientIp(req.headers));
  // A password change ended every cookie; the browser that made it gets a fresh one.
  if (sessionVersion === null || caller.via !== "cookie") return Response.json(user);
  const token = await encodeSessionToken({ sub: user.id, name: user.name, email: user.email, role: user.role, ver: sessionVersion });
  return Response.json(user, { headers: { "Set-Cookie": sessionCookieHeader(token) } });
});
