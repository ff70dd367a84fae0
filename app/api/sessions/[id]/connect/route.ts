// POST /api/sessions/[id]/connect – start the WhatsApp connection; answers with status and QR
import { withAuth } from "@/lib/api/with-auth";
import { connectSession } from "@/lib/sessions/connect-session";
import { connectSessionSchema, sessionIdParams } from "@/lib/sessions/sessions.schema";

export const POST = withAuth({ permission: "sessions.manage", params: sessionIdParams, body: connectSessionSchema }, ({ caller, params, body }) =>
  connectSession(caller, params.id, body),
);
