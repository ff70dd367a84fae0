// POST /api/auth/login – username or email + password; sets the dashboard's session cookie (seed 004)
import { withAuth } from "@/lib/api/with-auth";
import { encodeSessionToken, sessionCookieHeader } from "@/lib/auth/session-cookie";
import { clientIp } from "@/lib/server/client-ip";
import { authenticateCredentials } from "@/lib/users/authenticate-credentials";
import { loginSchema } from "@/lib/users/users.schema";

export const POST = withAuth({ permission: null, body: loginSchema }, async ({ req, body }) => {
  const user = await authenticateCredentials(body.identifier, body.password, clientIp(req.headers));
  const token = await encodeSessionToken({ sub: user.id, name: user.name, email: user.email, role: user.role, ver: user.sessionVersion });
  return Response.json(
    { message: "Login successful", user: { id: user.id, name: user.name, username: user.username, email: user.email, role: user.role } },
    { headers: { "Set-Cookie": sessionCookieHeader(token) } },
  );
});
