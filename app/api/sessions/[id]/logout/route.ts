// POST /api/sessions/[id]/logout – unlink the device on WhatsApp and wipe its credentials
import { withAuth } from "@/lib/api/with-auth";
import { logoutSession } from "@/lib/sessions/logout-session";
import { sessionIdParams } from "@/lib/sessions/sessions.schema";

export const POST = withAuth({ permission: "sessions.manage", params: sessionIdParams }, ({ caller, params }) => logoutSession(caller, params.id));
