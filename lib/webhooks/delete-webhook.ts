import "server-only";
import { webhooksChanged } from "@/lib/events/webhooks-changed";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { webhookScope } from "@/lib/webhooks/webhook-scope";

/** Deletes the webhook with its deliveries and their log (cascade). */
export async function deleteWebhook(caller: Caller, id: string) {
  const { count } = await db().webhook.deleteMany({ where: { AND: [webhookScope(caller), { id }] } });
  if (count === 0) throw notFound("Webhook");
  webhooksChanged();
  return { success: true };
}
