// POST /api/webhooks/[id]/replay – send every DEAD (or FAILED) delivery of the webhook again
import { withAuth } from "@/lib/api/with-auth";
import { replayWebhookDeliveries } from "@/lib/webhooks/replay-webhook-deliveries";
import { replayDeliveriesSchema, webhookIdParams } from "@/lib/webhooks/webhooks.schema";

export const POST = withAuth({ permission: "webhooks.manage", params: webhookIdParams, body: replayDeliveriesSchema }, ({ caller, params, body }) =>
  replayWebhookDeliveries(caller, params.id, body.status),
);
