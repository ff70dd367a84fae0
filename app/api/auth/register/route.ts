// POST /api/auth/register – self-service sign-up of a new OWNER (Automation API); signs the user in
import { withAuth } from "@/lib/api/with-auth";
import { issueSessionCookie } from "@/lib/auth/issue-session-cookie";
import { clientIp } from "@/lib/server/client-ip";
import { registerUser } from "@/lib/users/register-user";
import { registerSchema } from "@/lib/users/users.schema";

export const POST = withAuth({ permission: null, body: registerSchema }, async ({ body, req }) => {
  const user = await registerUser(body, clientIp(req.headers));
  return Response.json({ message: "User registered successfully", user }, { headers: { "Set-Cookie": await issueSessionCookie(user) } });
});
