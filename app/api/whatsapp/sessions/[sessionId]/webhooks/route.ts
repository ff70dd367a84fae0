// POST /api/whatsapp/sessions/{sessionId}/webhooks – add a webhook to the session (Chatery)
// DELETE /api/whatsapp/sessions/{sessionId}/webhooks – remove one by URL
import { chateryAddWebhookSchema, chateryRemoveWebhookSchema, chaterySessionParams } from "@/lib/compat/chatery/chatery.schema";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { addSessionWebhook } from "@/lib/webhooks/add-session-webhook";
import { removeSessionWebhook } from "@/lib/webhooks/remove-session-webhook";

export const POST = withChateryEnvelope(
  { permission: "webhooks.manage", params: chaterySessionParams, body: chateryAddWebhookSchema },
  "Webhook added",
  ({ caller, params, body }) => addSessionWebhook(caller, params.sessionId, body),
);
export const DELETE = withChateryEnvelope(
  { permission: "webhooks.manage", params: chaterySessionParams, body: chateryRemoveWebhookSchema },
  "Webhook removed",
  ({ caller, params, body }) => removeSessionWebhook(caller, params.sessionId, body.url),
);
