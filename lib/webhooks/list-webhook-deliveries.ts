import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { webhookEventName } from "@/lib/webhooks/build-webhook-request";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";
import type { ListDeliveriesQuery, WebhookOrigin } from "@/lib/webhooks/webhooks.schema";

/** Attempts shown per delivery: the latest ones (a delivery may have up to WEBHOOK_MAX_ATTEMPTS). */
const ATTEMPTS_SHOWN = 20;

/** The delivery log of one webhook, newest first, with each delivery's attempts. */
export async function listWebhookDeliveries(caller: Caller, webhookId: string, query: ListDeliveriesQuery) {
  const webhook = await getWebhookOrThrow(caller, webhookId);
  const rows = await db().webhookDelivery.findMany({
    where: { webhookId: webhook.id, ownerId: webhook.ownerId, ...(query.status ? { status: query.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      eventId: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastStatusCode: true,
      lastError: true,
      deliveredAt: true,
      createdAt: true,
      updatedAt: true,
      event: { select: { event: true, createdAt: true, session: { select: { sessionId: true } } } },
      attemptLog: {
        orderBy: { createdAt: "desc" },
        take: ATTEMPTS_SHOWN,
        select: { id: true, statusCode: true, latencyMs: true, responseSnippet: true, responseBytes: true, error: true, createdAt: true },
      },
    },
  });
  const page = rows.slice(0, query.limit);
  return {
    deliveries: page.map(({ event, attemptLog, ...d }) => ({
      ...d,
      // While claimed, nextAttemptAt is the lease; it only means "next try" for FAILED.
      nextAttemptAt: d.status === "FAILED" || d.status === "PENDING" ? d.nextAttemptAt : null,
      event: webhookEventName(event.event, webhook.origin as WebhookOrigin),
      sessionId: event.session.sessionId,
      eventCreatedAt: event.createdAt,
      attemptLog,
    })),
    nextCursor: rows.length > query.limit ? page[page.length - 1].id : null,
  };
}
