import "server-only";
import { webhooksChanged } from "@/lib/events/webhooks-changed";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { assertUrlAllowed } from "@/lib/net/assert-url-allowed";
import { toPublicWebhook, WEBHOOK_SELECT } from "@/lib/webhooks/public-webhook";
import { resolveWebhookSession } from "@/lib/webhooks/resolve-webhook-session";
import { generateWebhookSecret } from "@/lib/webhooks/sign-webhook-body";
import { sealWebhookSecret } from "@/lib/webhooks/webhook-secret-box";
import type { CreateWebhookInput, WebhookOrigin } from "@/lib/webhooks/webhooks.schema";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Creates a webhook (Ultimate WhatsApp Gateway). The owner comes from the session when one is named, otherwise it is
 * the caller's tenant. Without a `secret` one is generated, so deliveries are signed by default;
 * `secret: null` asks for unsigned deliveries.
 */
export async function createWebhook(caller: Caller, input: CreateWebhookInput, origin: WebhookOrigin = "API") {
  await assertUrlAllowed(input.url);
  const session = input.sessionId ? await resolveWebhookSession(caller, input.sessionId) : null;
  const ownerId = session?.ownerId ?? caller.tenantId;
  const secret = input.secret === undefined ? generateWebhookSecret() : input.secret;
  const row = await db().$transaction(async (tx) => {
    const created = await tx.webhook.create({
      data: {
        ownerId,
        sessionId: session?.id ?? null,
        name: input.name,
        url: input.url,
        events: input.events,
        isActive: input.isActive ?? true,
        replyEnabled: input.replyEnabled ?? false,
        origin,
      },
      select: { id: true },
    });
    // Sealed under the row's own id, which only exists once the row does.
    return tx.webhook.update({
      where: { id: created.id },
      data: { secret: secret ? sealWebhookSecret(created.id, secret) : null },
      select: WEBHOOK_SELECT,
    });
  });
  webhooksChanged(ownerId);
  await recordAudit({
    actor: caller,
    ownerId,
    action: "webhook.created",
    target: { type: "webhook", id: row.id, name: input.name },
    details: { url: input.url, events: input.events },
  });
  return toPublicWebhook(row);
}
