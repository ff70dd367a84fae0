// POST /api/clevio/sessions/{sessionId}/init – start the session (QR or login) (Clevio)
import { withAuth } from "@/lib/api/with-auth";
import { clevioSessionParams } from "@/lib/compat/clevio/clevio.schema";
import { clevioInitSession } from "@/lib/compat/clevio/clevio-sessions";

export const POST = withAuth({ permission: "sessions.manage", params: clevioSessionParams }, ({ caller, params }) =>
  clevioInitSession(caller, params.sessionId),
);
