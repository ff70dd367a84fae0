// GET /api/clevio/sessions – the caller's sessions with their webhook URLs (Clevio)
// POST /api/clevio/sessions – create a session, or update its webhook URL when it exists
import { withAuth } from "@/lib/api/with-auth";
import { clevioUpsertSessionSchema } from "@/lib/compat/clevio/clevio.schema";
import { clevioListSessions, clevioUpsertSession } from "@/lib/compat/clevio/clevio-sessions";

export const GET = withAuth({ permission: "sessions.read" }, async ({ caller }) => Response.json(await clevioListSessions(caller)));
export const POST = withAuth({ permission: "sessions.manage", body: clevioUpsertSessionSchema }, ({ caller, body }) => clevioUpsertSession(caller, body));
