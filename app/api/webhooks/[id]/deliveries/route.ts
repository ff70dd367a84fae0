// GET /api/webhooks/[id]/deliveries – the delivery log, newest first (?status=&cursor=&limit=)
import { withAuth } from "@/lib/api/with-auth";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { listDeliveriesQuery, webhookIdParams } from "@/lib/webhooks/webhooks.schema";

export const GET = withAuth({ permission: "webhooks.manage", params: webhookIdParams, query: listDeliveriesQuery }, ({ caller, params, query }) =>
  listWebhookDeliveries(caller, params.id, query),
);
