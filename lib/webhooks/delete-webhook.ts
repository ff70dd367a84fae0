import "server-only";
import { webhooksChanged } from "@/lib/events/webhooks-changed";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { webhookScope } from "@/lib/webhooks/webhook-scope";
import { recordAudit } from "@/lib/audit/record-audit";

/** Deletes the webhook with its deliveries and their log (cascade). */
export async function deleteWebhook(caller: Caller, id: string) {
  const webhook = await db().webhook.findFirst({ where: { AND: [webhookScope(caller), { id }] }, select: { ownerId: true, name: true } });
  const { count } = await db().webhook.deleteMany({ where: { AND: [webhookScope(caller), { id }] } });
  if (count === 0 || !webhook) throw notFound("Webhook");
  webhooksChanged(webhook.ownerId);
  await recordAudit({ actor: caller, ownerId: webhook.ownerId, action: "webhook.deleted", target: { type: "webhook", id, name: webhook.name } });
  return { success: true };
}
