// POST /api/auth/register – self-service sign-up of a new OWNER (seed 004); signs the user in
import { withAuth } from "@/lib/api/with-auth";
import { clientIp } from "@/lib/server/client-ip";
import { encodeSessionToken, sessionCookieHeader } from "@/lib/auth/session-cookie";
import { registerUser } from "@/lib/users/register-user";
import { registerSchema } from "@/lib/users/users.schema";

export const POST = withAuth({ permission: null, body: registerSchema }, async ({ body, req }) => {
  const user = await registerUser(body, clientIp(req.headers));
  const token = await encodeSessionToken({ sub: user.id, name: user.name, email: user.email, role: user.role, ver: 0 });
  return Response.json(
    { message: "User registered successfully", user },
    { headers: { "Set-Cookie": sessionCookieHeader(token) } },
  );
});
