// GET /api/clevio/sessions/{sessionId}/qr – the QR code (data URL) and status (Clevio)
import { withAuth } from "@/lib/api/with-auth";
import { clevioSessionParams } from "@/lib/compat/clevio/clevio.schema";
import { clevioQr } from "@/lib/compat/clevio/clevio-sessions";

export const GET = withAuth({ permission: "sessions.manage", params: clevioSessionParams }, ({ caller, params }) => clevioQr(caller, params.sessionId));
