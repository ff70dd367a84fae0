// GET /api/sessions/[id]/status – live status, phone, profile name, since when, last error, history
import { withAuth } from "@/lib/api/with-auth";
import { getSessionStatus } from "@/lib/sessions/get-session-status";
import { sessionIdParams } from "@/lib/sessions/sessions.schema";

export const GET = withAuth({ permission: "sessions.read", params: sessionIdParams }, ({ caller, params }) => getSessionStatus(caller, params.id));
