// GET /api/webhooks/[id]/secret – reveal the signing secret
// POST /api/webhooks/[id]/secret – replace it with a new random one (shown once here)
import { withAuth } from "@/lib/api/with-auth";
import { regenerateWebhookSecret } from "@/lib/webhooks/regenerate-webhook-secret";
import { revealWebhookSecret } from "@/lib/webhooks/reveal-webhook-secret";
import { webhookIdParams } from "@/lib/webhooks/webhooks.schema";

export const GET = withAuth({ permission: "webhooks.manage", params: webhookIdParams }, ({ caller, params }) => revealWebhookSecret(caller, params.id));

export const POST = withAuth({ permission: "webhooks.manage", params: webhookIdParams }, ({ caller, params }) => regenerateWebhookSecret(caller, params.id));
