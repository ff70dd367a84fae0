import "server-only";
import { webhooksChanged } from "@/lib/events/webhooks-changed";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { assertUrlAllowed } from "@/lib/net/assert-url-allowed";
import { toPublicWebhook, WEBHOOK_SELECT } from "@/lib/webhooks/public-webhook";
import { resolveWebhookSession } from "@/lib/webhooks/resolve-webhook-session";
import { generateWebhookSecret } from "@/lib/webhooks/sign-webhook-body";
import { sealWebhookSecret } from "@/lib/webhooks/webhook-secret-box";
import type { SessionWebhookUrlInput } from "@/lib/webhooks/webhooks.schema";

/** Clevio's per-session webhook: incoming messages, and its answer is sent back as the reply. */
export const SESSION_URL_DEFAULT_EVENTS = ["message"];

/**
 * PUT /api/sessions/[id]/webhook (Clevio and Campaign API): the session's one webhook URL, created or
 * changed. Events default to incoming messages and replies are on unless `replyEnabled: false`.
 */
export async function setSessionWebhookUrl(caller: Caller, sessionId: string, input: SessionWebhookUrlInput) {
  const session = await resolveWebhookSession(caller, sessionId);
  await assertUrlAllowed(input.url);
  const row = await db().$transaction(async (tx) => {
    const existing = await tx.webhook.findFirst({ where: { sessionId: session.id, ownerId: session.ownerId, origin: "SESSION_URL" }, select: { id: true } });
    if (existing) {
      await tx.webhook.updateMany({
        where: { id: existing.id, ownerId: session.ownerId },
        data: {
          url: input.url,
          isActive: true,
          ...(input.events ? { events: input.events } : {}),
          ...(input.replyEnabled !== undefined ? { replyEnabled: input.replyEnabled } : {}),
          ...(input.format ? { format: input.format } : {}),
        },
      });
      return tx.webhook.findUniqueOrThrow({ where: { id: existing.id }, select: WEBHOOK_SELECT });
    }
    const created = await tx.webhook.create({
      data: {
        ownerId: session.ownerId,
        sessionId: session.id,
        name: `Webhook URL of ${session.sessionId}`.slice(0, 100),
        url: input.url,
        events: input.events ?? SESSION_URL_DEFAULT_EVENTS,
        replyEnabled: input.replyEnabled ?? true,
        origin: "SESSION_URL",
        format: input.format ?? "default",
      },
      select: { id: true },
    });
    return tx.webhook.update({ where: { id: created.id }, data: { secret: sealWebhookSecret(created.id, generateWebhookSecret()) }, select: WEBHOOK_SELECT });
  });
  webhooksChanged(session.ownerId);
  return { message: "Webhook URL updated successfully", sessionId: session.sessionId, url: row.url, webhook: toPublicWebhook(row) };
}
