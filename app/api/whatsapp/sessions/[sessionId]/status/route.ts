// GET /api/whatsapp/sessions/{sessionId}/status – status, phone number and name (Chatery)
import { chaterySessionParams } from "@/lib/compat/chatery/chatery.schema";
import { chaterySessionStatus } from "@/lib/compat/chatery/chatery-sessions";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";

export const GET = withChateryEnvelope({ permission: "sessions.read", params: chaterySessionParams }, "Session status retrieved", ({ caller, params }) =>
  chaterySessionStatus(caller, params.sessionId),
);
