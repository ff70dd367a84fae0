// DELETE /api/clevio/sessions/{sessionId} – remove a session (Clevio)
import { withAuth } from "@/lib/api/with-auth";
import { clevioSessionParams } from "@/lib/compat/clevio/clevio.schema";
import { clevioDeleteSession } from "@/lib/compat/clevio/clevio-sessions";

export const DELETE = withAuth({ permission: "sessions.manage", params: clevioSessionParams }, ({ caller, params }) =>
  clevioDeleteSession(caller, params.sessionId),
);
