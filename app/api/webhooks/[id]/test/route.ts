// POST /api/webhooks/[id]/test – deliver a webhook.test event to this webhook and show the outcome
import { withAuth } from "@/lib/api/with-auth";
import { sendWebhookTest } from "@/lib/webhooks/send-webhook-test";
import { webhookIdParams } from "@/lib/webhooks/webhooks.schema";

export const POST = withAuth({ permission: "webhooks.manage", params: webhookIdParams }, ({ caller, params }) => sendWebhookTest(caller, params.id));
