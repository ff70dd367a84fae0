// GET /api/webhooks – the caller's webhooks (seed 001), secrets shown only as hasSecret
// POST /api/webhooks – create a webhook (seed 001)
import { withAuth } from "@/lib/api/with-auth";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { createWebhookSchema } from "@/lib/webhooks/webhooks.schema";

export const GET = withAuth({ permission: "sessions.manage" }, ({ caller }) => listWebhooks(caller));

export const POST = withAuth({ permission: "sessions.manage", body: createWebhookSchema }, ({ caller, body }) => createWebhook(caller, body));
