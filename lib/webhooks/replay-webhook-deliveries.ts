import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { db, getRuntime } from "@/lib/server/runtime";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";

/** POST /api/webhooks/[id]/replay: every DEAD (or FAILED: "retry now") delivery of the webhook goes again. */
export async function replayWebhookDeliveries(caller: Caller, webhookId: string, status: "DEAD" | "FAILED") {
  const webhook = await getWebhookOrThrow(caller, webhookId);
  const { count } = await db().webhookDelivery.updateMany({
    where: { webhookId: webhook.id, ownerId: webhook.ownerId, status },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), deliveredAt: null },
  });
  if (count)
    getRuntime()
      .workers.find((w) => w.name === "webhooks")
      ?.wake();
  return { replayed: count };
}
