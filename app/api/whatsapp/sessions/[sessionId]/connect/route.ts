// POST /api/whatsapp/sessions/{sessionId}/connect – create the session if missing (metadata, webhooks) and connect it (Chatery)
import { chateryConnectSchema, chaterySessionParams } from "@/lib/compat/chatery/chatery.schema";
import { chateryConnectSession } from "@/lib/compat/chatery/chatery-sessions";
import { ChateryReply, withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";

export const POST = withChateryEnvelope(
  { permission: "sessions.manage", params: chaterySessionParams, body: chateryConnectSchema },
  "Session connecting",
  async ({ caller, params, body }) => {
    const { message, data } = await chateryConnectSession(caller, params.sessionId, body);
    return new ChateryReply(message, data);
  },
);
