import "server-only";
import { webhooksChanged } from "@/lib/events/webhooks-changed";
import type { Tx } from "@/lib/events/event-outbox";
import { db } from "@/lib/server/runtime";
import { assertUrlAllowed } from "@/lib/net/assert-url-allowed";
import { generateWebhookSecret } from "@/lib/webhooks/sign-webhook-body";
import { sealWebhookSecret } from "@/lib/webhooks/webhook-secret-box";
import type { SessionWebhookInput } from "@/lib/webhooks/webhooks.schema";
import type { SessionRef as FullSessionRef } from "@/lib/sessions/session-ref";

/** Only the internal id and the owner: the webhook rows carry no public id. */
type SessionRef = Pick<FullSessionRef, "id" | "ownerId">;

/** The name a webhook configured by URL alone gets: its host, so the dashboard can tell them apart. */
export function webhookNameFor(url: string): string {
  return new URL(url).host.slice(0, 100);
}

/**
 * Adds a Chatery-style webhook to a session, or changes the events of the one with that URL. An
 * existing row is kept (with its secret and delivery log) rather than replaced.
 */
export async function upsertSessionWebhook(tx: Tx, session: SessionRef, input: SessionWebhookInput) {
  const events = input.events ?? ["all"];
  const existing = await tx.webhook.findFirst({
    where: { sessionId: session.id, ownerId: session.ownerId, origin: "SESSION", url: input.url },
    select: { id: true },
  });
  if (existing) {
    await tx.webhook.updateMany({ where: { id: existing.id, ownerId: session.ownerId }, data: { events, isActive: true } });
    return existing.id;
  }
  const created = await tx.webhook.create({
    data: { ownerId: session.ownerId, sessionId: session.id, name: webhookNameFor(input.url), url: input.url, events, origin: "SESSION" },
    select: { id: true },
  });
  await tx.webhook.update({ where: { id: created.id }, data: { secret: sealWebhookSecret(created.id, generateWebhookSecret()) } });
  return created.id;
}

/**
 * Chatery's `webhooks` in a connect body: the session's SESSION-origin webhooks become exactly this
 * list. Webhooks configured through /api/webhooks or the single per-session URL are left alone.
 */
export async function replaceSessionWebhooks(session: SessionRef, list: SessionWebhookInput[]) {
  for (const [i, item] of list.entries()) await assertUrlAllowed(item.url, `webhooks.${i}.url`);
  await db().$transaction(async (tx) => {
    const keep: string[] = [];
    for (const item of list) keep.push(await upsertSessionWebhook(tx, session, item));
    await tx.webhook.deleteMany({ where: { sessionId: session.id, ownerId: session.ownerId, origin: "SESSION", id: { notIn: keep } } });
  });
  webhooksChanged(session.ownerId);
}
