// PUT /api/clevio/sessions/{sessionId}/webhook – set the session's webhook URL, in Clevio's payload format (Clevio)
import { withAuth } from "@/lib/api/with-auth";
import { clevioSessionParams, clevioWebhookSchema } from "@/lib/compat/clevio/clevio.schema";
import { clevioSetWebhook } from "@/lib/compat/clevio/clevio-sessions";

export const PUT = withAuth({ permission: "webhooks.manage", params: clevioSessionParams, body: clevioWebhookSchema }, ({ caller, params, body }) =>
  clevioSetWebhook(caller, params.sessionId, body.webhookUrl),
);
