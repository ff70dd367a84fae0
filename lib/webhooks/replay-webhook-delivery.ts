import "server-only";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { db, getRuntime } from "@/lib/server/runtime";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";

/** Sends one delivery again from scratch (attempts back to 0): for a dead, failed or even delivered event. */
export async function replayWebhookDelivery(caller: Caller, webhookId: string, deliveryId: string) {
  const webhook = await getWebhookOrThrow(caller, webhookId);
  const delivery = await db().webhookDelivery.findFirst({
    where: { id: deliveryId, webhookId: webhook.id, ownerId: webhook.ownerId },
    select: { status: true },
  });
  if (!delivery) throw notFound("Delivery");
  if (delivery.status === "PENDING") throw new AppError("CONFLICT", "This delivery is already waiting to be sent");
  const { count } = await db().webhookDelivery.updateMany({
    where: { id: deliveryId, webhookId: webhook.id, ownerId: webhook.ownerId, status: { not: "PENDING" } },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), deliveredAt: null },
  });
  if (count === 0) throw new AppError("CONFLICT", "This delivery is already waiting to be sent");
  getRuntime()
    .workers.find((w) => w.name === "webhooks")
    ?.wake();
  return { id: deliveryId, status: "PENDING" as const, replayed: 1 };
}
