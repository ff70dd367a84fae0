import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";
import { openWebhookSecret } from "@/lib/webhooks/webhook-secret-box";

/** The webhook's signing secret, in clear: only this endpoint shows it. */
export async function revealWebhookSecret(caller: Caller, id: string) {
  const webhook = await getWebhookOrThrow(caller, id);
  return { id: webhook.id, secret: openWebhookSecret(webhook.id, webhook.secret) };
}
