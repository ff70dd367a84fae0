// GET /api/users/[id]/sessions – the sessions a staff member may work on
// PUT /api/users/[id]/sessions – replace that set ({ sessionIds })
import { withAuth } from "@/lib/api/with-auth";
import { assignSessions, listAssignedSessions } from "@/lib/users/assign-sessions";
import { assignSessionsSchema, userIdParams } from "@/lib/users/users.schema";

export const GET = withAuth({ permission: "users.read", params: userIdParams }, ({ caller, params }) => listAssignedSessions(caller, params.id));

export const PUT = withAuth({ permission: "users.write", params: userIdParams, body: assignSessionsSchema }, ({ caller, params, body }) =>
  assignSessions(caller, params.id, body.sessionIds),
);
