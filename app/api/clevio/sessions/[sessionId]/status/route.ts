// GET /api/clevio/sessions/{sessionId}/status – status and info { name, number } (Clevio)
import { withAuth } from "@/lib/api/with-auth";
import { clevioSessionParams } from "@/lib/compat/clevio/clevio.schema";
import { clevioSessionStatus } from "@/lib/compat/clevio/clevio-sessions";

export const GET = withAuth({ permission: "sessions.read", params: clevioSessionParams }, ({ caller, params }) =>
  clevioSessionStatus(caller, params.sessionId),
);
