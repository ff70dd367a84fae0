// GET /api/sessions – the sessions the caller may see (all for a SUPERADMIN)
// POST /api/sessions – create a session owned by the caller
import { withAuth } from "@/lib/api/with-auth";
import { createSession } from "@/lib/sessions/create-session";
import { listSessions } from "@/lib/sessions/list-sessions";
import { createSessionSchema } from "@/lib/sessions/sessions.schema";

export const GET = withAuth({ permission: "sessions.read" }, ({ caller }) => listSessions(caller));

export const POST = withAuth({ permission: "sessions.create", body: createSessionSchema }, ({ caller, body }) => createSession(caller, body));
