import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";
import { generateWebhookSecret } from "@/lib/webhooks/sign-webhook-body";
import { webhookScope } from "@/lib/webhooks/webhook-scope";
import { sealWebhookSecret } from "@/lib/webhooks/webhook-secret-box";

/** Replaces the secret with a new random one and shows it; deliveries from now on are signed with it. */
export async function regenerateWebhookSecret(caller: Caller, id: string) {
  const webhook = await getWebhookOrThrow(caller, id);
  const secret = generateWebhookSecret();
  const { count } = await db().webhook.updateMany({
    where: { AND: [webhookScope(caller), { id: webhook.id }] },
    data: { secret: sealWebhookSecret(webhook.id, secret) },
  });
  if (count === 0) throw notFound("Webhook");
  return { id: webhook.id, secret };
}
