// PATCH /api/users/[id] – change a user within the caller's reach
// DELETE /api/users/[id] – remove a user within the caller's reach
import { withAuth } from "@/lib/api/with-auth";
import { deleteUser } from "@/lib/users/delete-user";
import { updateUser } from "@/lib/users/update-user";
import { updateUserSchema, userIdParams } from "@/lib/users/users.schema";

export const PATCH = withAuth({ permission: "users.write", params: userIdParams, body: updateUserSchema }, ({ caller, params, body }) =>
  updateUser(caller, params.id, body),
);

export const DELETE = withAuth({ permission: "users.write", params: userIdParams }, ({ caller, params }) => deleteUser(caller, params.id));
