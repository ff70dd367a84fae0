// GET /api/sessions/[id]/webhook – the session's one webhook URL (Campaign API)
// PUT /api/sessions/[id]/webhook – set it ({ url } or Clevio's { webhookUrl }); replies on by default
// DELETE /api/sessions/[id]/webhook – remove it
import { withAuth } from "@/lib/api/with-auth";
import { sessionIdParams } from "@/lib/sessions/sessions.schema";
import { deleteSessionWebhookUrl } from "@/lib/webhooks/delete-session-webhook-url";
import { getSessionWebhookUrl } from "@/lib/webhooks/get-session-webhook-url";
import { setSessionWebhookUrl } from "@/lib/webhooks/set-session-webhook-url";
import { sessionWebhookUrlSchema } from "@/lib/webhooks/webhooks.schema";

export const GET = withAuth({ permission: "webhooks.manage", params: sessionIdParams }, ({ caller, params }) => getSessionWebhookUrl(caller, params.id));

export const PUT = withAuth({ permission: "webhooks.manage", params: sessionIdParams, body: sessionWebhookUrlSchema }, ({ caller, params, body }) =>
  setSessionWebhookUrl(caller, params.id, body),
);

export const DELETE = withAuth({ permission: "webhooks.manage", params: sessionIdParams }, ({ caller, params }) => deleteSessionWebhookUrl(caller, params.id));
