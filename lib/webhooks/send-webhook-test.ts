import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { env } from "@/lib/env";
import { db, getRuntime } from "@/lib/server/runtime";
import { announceWebhookAttempt } from "@/lib/webhooks/announce-webhook-attempt";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";
import { WEBHOOK_TEST_EVENT as TEST_EVENT } from "@/lib/webhooks/webhook-test-event";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * POST /api/webhooks/[id]/test: records a `webhook.test` event for this webhook alone (no other
 * webhook, no Socket.io room) and lets the worker deliver it like any other, in its turn; answers
 * with the outcome once known, or with the delivery still PENDING after the delivery timeout (e.g.
 * when it queues behind earlier deliveries to a receiver that is down). The answer's status and
 * size are shown, never its text: the URL was just typed, and the test must not become a way to
 * read whatever service it reaches.
 */
export async function sendWebhookTest(caller: Caller, webhookId: string) {
  const webhook = await getWebhookOrThrow(caller, webhookId);
  // Every event belongs to a session: the webhook's own, or the owner's most recent one.
  const session =
    webhook.session ??
    (await db().whatsappSession.findFirst({
      where: { ownerId: webhook.ownerId },
      orderBy: { createdAt: "desc" },
      select: { id: true, sessionId: true, name: true },
    }));
  if (!session) throw new AppError("CONFLICT", "A test event needs a session to come from: create a session first");
  const { deliveryId, eventId } = await db().$transaction(async (tx) => {
    const event = await tx.event.create({
      data: {
        ownerId: webhook.ownerId,
        sessionId: session.id,
        event: TEST_EVENT,
        payload: { message: "This is a test event from Wagate", webhookId: webhook.id, webhookName: webhook.name },
      },
      select: { id: true, seq: true },
    });
    const delivery = await tx.webhookDelivery.create({
      data: { ownerId: webhook.ownerId, webhookId: webhook.id, eventId: event.id, eventSeq: event.seq },
      select: { id: true },
    });
    return { deliveryId: delivery.id, eventId: event.id };
  });
  getRuntime()
    .workers.find((w) => w.name === "webhooks")
    ?.wake();

  const deadline = Date.now() + env.WEBHOOK_TIMEOUT_MS + 3000;
  for (;;) {
    const delivery = await db().webhookDelivery.findUniqueOrThrow({
      where: { id: deliveryId },
      select: {
        id: true,
        status: true,
        attempts: true,
        lastStatusCode: true,
        lastError: true,
        deliveredAt: true,
        attemptLog: {
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { statusCode: true, latencyMs: true, responseBytes: true, error: true, createdAt: true },
        },
      },
    });
    const { attemptLog, ...rest } = delivery;
    if (delivery.attempts > 0 && delivery.status === "FAILED") {
      // A test is a one-off probe: its failure is reported here and must not go on the retry
      // schedule (the user would see "test" deliveries retried for a day). DEAD ends it; the
      // status guard leaves it alone if the worker has meanwhile delivered it.
      const { count } = await db().webhookDelivery.updateMany({
        where: { id: deliveryId, ownerId: webhook.ownerId, status: "FAILED" },
        data: { status: "DEAD" },
      });
      // The open delivery logs saw the attempt as FAILED: tell them it ended.
      if (count > 0) announceWebhookAttempt(getRuntime().io, { ownerId: webhook.ownerId, webhookId: webhook.id, deliveryId, status: "DEAD" });
      return { ...rest, status: "DEAD" as const, eventId, event: TEST_EVENT, lastAttempt: attemptLog[0] ?? null };
    }
    if (delivery.attempts > 0 || Date.now() > deadline || !webhook.isActive) {
      return { ...rest, eventId, event: TEST_EVENT, lastAttempt: attemptLog[0] ?? null };
    }
    await sleep(100);
  }
}
