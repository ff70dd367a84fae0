// GET /api/sessions/[id]/qr – the current QR code as a PNG data URL ({ qr, status })
import { withAuth } from "@/lib/api/with-auth";
import { getSessionQr } from "@/lib/sessions/get-session-qr";
import { sessionIdParams } from "@/lib/sessions/sessions.schema";

export const GET = withAuth({ permission: "sessions.manage", params: sessionIdParams }, ({ caller, params }) => getSessionQr(caller, params.id));
