// GET /api/sessions/[id] – one session
// PATCH /api/sessions/[id] – rename ({ name })
// DELETE /api/sessions/[id] – delete the session
import { withAuth } from "@/lib/api/with-auth";
import { callerCan } from "@/lib/auth/caller-can";
import { deleteSession } from "@/lib/sessions/delete-session";
import { getLiveState } from "@/lib/sessions/get-live-state";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import { toPublicSession } from "@/lib/sessions/public-session";
import { renameSession } from "@/lib/sessions/rename-session";
import { renameSessionSchema, sessionIdParams } from "@/lib/sessions/sessions.schema";

export const GET = withAuth({ permission: "sessions.read", params: sessionIdParams }, async ({ caller, params }) => {
  const session = await getSessionOrThrow(caller, params.id);
  return toPublicSession(session, await getLiveState(session), { includeQr: callerCan(caller, "sessions.manage") });
});

export const PATCH = withAuth({ permission: "sessions.manage", params: sessionIdParams, body: renameSessionSchema }, ({ caller, params, body }) =>
  renameSession(caller, params.id, body.name),
);

export const DELETE = withAuth({ permission: "sessions.manage", params: sessionIdParams }, ({ caller, params }) => deleteSession(caller, params.id));
