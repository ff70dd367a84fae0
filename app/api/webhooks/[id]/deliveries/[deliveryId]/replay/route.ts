// POST /api/webhooks/[id]/deliveries/[deliveryId]/replay – send one delivery again from scratch
import { withAuth } from "@/lib/api/with-auth";
import { replayWebhookDelivery } from "@/lib/webhooks/replay-webhook-delivery";
import { webhookDeliveryParams } from "@/lib/webhooks/webhooks.schema";

export const POST = withAuth({ permission: "webhooks.manage", params: webhookDeliveryParams }, ({ caller, params }) =>
  replayWebhookDelivery(caller, params.id, params.deliveryId),
);
