// GET /api/webhooks/[id] – one webhook
// PATCH /api/webhooks/[id] – change a webhook (Ultimate WhatsApp Gateway; every field optional)
// DELETE /api/webhooks/[id] – delete a webhook with its delivery log
import { withAuth } from "@/lib/api/with-auth";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";
import { toPublicWebhook } from "@/lib/webhooks/public-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";
import { updateWebhookSchema, webhookIdParams } from "@/lib/webhooks/webhooks.schema";

export const GET = withAuth({ permission: "webhooks.manage", params: webhookIdParams }, async ({ caller, params }) =>
  toPublicWebhook(await getWebhookOrThrow(caller, params.id)),
);

export const PATCH = withAuth({ permission: "webhooks.manage", params: webhookIdParams, body: updateWebhookSchema }, ({ caller, params, body }) =>
  updateWebhook(caller, params.id, body),
);

export const DELETE = withAuth({ permission: "webhooks.manage", params: webhookIdParams }, ({ caller, params }) => deleteWebhook(caller, params.id));
