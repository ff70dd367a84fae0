// GET /api/sessions/[id]/webhooks – the webhooks bound to this session (Chatery)
// POST /api/sessions/[id]/webhooks – add a webhook URL with its events (Chatery)
// DELETE /api/sessions/[id]/webhooks – remove the session's webhook with this URL (Chatery)
import { withAuth } from "@/lib/api/with-auth";
import { sessionIdParams } from "@/lib/sessions/sessions.schema";
import { addSessionWebhook } from "@/lib/webhooks/add-session-webhook";
import { listSessionWebhooks } from "@/lib/webhooks/list-session-webhooks";
import { removeSessionWebhook } from "@/lib/webhooks/remove-session-webhook";
import { removeSessionWebhookSchema, sessionWebhookSchema } from "@/lib/webhooks/webhooks.schema";

export const GET = withAuth({ permission: "webhooks.manage", params: sessionIdParams }, ({ caller, params }) => listSessionWebhooks(caller, params.id));

export const POST = withAuth({ permission: "webhooks.manage", params: sessionIdParams, body: sessionWebhookSchema }, ({ caller, params, body }) =>
  addSessionWebhook(caller, params.id, body),
);

export const DELETE = withAuth({ permission: "webhooks.manage", params: sessionIdParams, body: removeSessionWebhookSchema }, ({ caller, params, body }) =>
  removeSessionWebhook(caller, params.id, body.url),
);
