// PATCH /api/whatsapp/sessions/{sessionId}/config – merge metadata and replace webhooks (Chatery)
import { chateryConfigSchema, chaterySessionParams } from "@/lib/compat/chatery/chatery.schema";
import { chateryUpdateConfig } from "@/lib/compat/chatery/chatery-sessions";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";

export const PATCH = withChateryEnvelope(
  { permission: "sessions.manage", params: chaterySessionParams, body: chateryConfigSchema },
  "Session config updated",
  ({ caller, params, body }) => chateryUpdateConfig(caller, params.sessionId, body),
);
