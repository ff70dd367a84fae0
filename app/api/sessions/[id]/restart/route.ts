// POST /api/sessions/[id]/restart – close and reopen the connection (no QR for a paired session)
import { withAuth } from "@/lib/api/with-auth";
import { restartSession } from "@/lib/sessions/restart-session";
import { sessionIdParams } from "@/lib/sessions/sessions.schema";

export const POST = withAuth({ permission: "sessions.manage", params: sessionIdParams }, ({ caller, params }) => restartSession(caller, params.id));
