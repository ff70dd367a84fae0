import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { WEBHOOK_SELECT } from "@/lib/webhooks/public-webhook";
import { webhookScope } from "@/lib/webhooks/webhook-scope";

/** A webhook within the caller's reach; another tenant's is 404, as if it did not exist. */
export async function getWebhookOrThrow(caller: Caller, id: string) {
  const webhook = await db().webhook.findFirst({ where: { AND: [webhookScope(caller), { id }] }, select: WEBHOOK_SELECT });
  if (!webhook) throw notFound("Webhook");
  return webhook;
}
