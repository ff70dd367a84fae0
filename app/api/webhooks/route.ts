// GET /api/webhooks – the caller's webhooks (Ultimate WhatsApp Gateway), secrets shown only as hasSecret
// POST /api/webhooks – create a webhook (Ultimate WhatsApp Gateway)
import { withAuth } from "@/lib/api/with-auth";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { createWebhookSchema } from "@/lib/webhooks/webhooks.schema";

export const GET = withAuth({ permission: "webhooks.manage" }, ({ caller }) => listWebhooks(caller));

export const POST = withAuth({ permission: "webhooks.manage", body: createWebhookSchema }, ({ caller, body }) => createWebhook(caller, body));
