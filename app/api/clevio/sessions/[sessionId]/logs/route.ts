// GET /api/clevio/sessions/{sessionId}/logs – the session's latest messages as a log (Clevio)
import { withAuth } from "@/lib/api/with-auth";
import { clevioSessionParams } from "@/lib/compat/clevio/clevio.schema";
import { clevioLogs } from "@/lib/compat/clevio/clevio-sessions";

export const GET = withAuth({ permission: "sessions.send", params: clevioSessionParams }, async ({ caller, params }) =>
  Response.json(await clevioLogs(caller, params.sessionId)),
);
