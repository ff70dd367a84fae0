// GET /api/users – everyone (SUPERADMIN) or the caller's staff (OWNER)
// POST /api/users – create a user (SUPERADMIN) or a staff member (OWNER)
import { withAuth } from "@/lib/api/with-auth";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";
import { createUserSchema } from "@/lib/users/users.schema";

export const GET = withAuth({ permission: "users.read" }, ({ caller }) => listUsers(caller));

export const POST = withAuth({ permission: "users.write", body: createUserSchema }, async ({ caller, body }) =>
  Response.json(await createUser(caller, body), { status: 201 }),
);
