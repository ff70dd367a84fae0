// GET /api/sessions/[id]/events – the session's recent events (live log history)
import { withAuth } from "@/lib/api/with-auth";
import { listSessionEvents } from "@/lib/sessions/list-session-events";
import { sessionIdParams } from "@/lib/sessions/sessions.schema";

export const GET = withAuth({ permission: "sessions.read", params: sessionIdParams }, ({ caller, params }) => listSessionEvents(caller, params.id));
