import "server-only";
import { webhooksChanged } from "@/lib/events/webhooks-changed";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, getRuntime } from "@/lib/server/runtime";
import { assertUrlAllowed } from "@/lib/net/assert-url-allowed";
import { getWebhookOrThrow } from "@/lib/webhooks/get-webhook-or-throw";
import { toPublicWebhook, WEBHOOK_SELECT } from "@/lib/webhooks/public-webhook";
import { resolveWebhookSession } from "@/lib/webhooks/resolve-webhook-session";
import { webhookScope } from "@/lib/webhooks/webhook-scope";
import { sealWebhookSecret } from "@/lib/webhooks/webhook-secret-box";
import type { UpdateWebhookInput } from "@/lib/webhooks/webhooks.schema";
import { recordAudit } from "@/lib/audit/record-audit";

/** Changes the given fields (Ultimate WhatsApp Gateway's PATCH). `secret: null` stops signing. */
export async function updateWebhook(caller: Caller, id: string, input: UpdateWebhookInput) {
  const current = await getWebhookOrThrow(caller, id);
  if (input.url !== undefined) await assertUrlAllowed(input.url);
  const data: Prisma.WebhookUncheckedUpdateManyInput = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.url !== undefined) data.url = input.url;
  if (input.events !== undefined) data.events = input.events;
  if (input.isActive !== undefined) data.isActive = input.isActive;
  if (input.replyEnabled !== undefined) data.replyEnabled = input.replyEnabled;
  if (input.secret !== undefined) data.secret = input.secret === null ? null : sealWebhookSecret(current.id, input.secret);
  if (input.sessionId !== undefined) {
    data.sessionId = input.sessionId === null ? null : (await resolveWebhookSession(caller, input.sessionId, current.ownerId)).id;
  }
  const { count } = await db().webhook.updateMany({ where: { AND: [webhookScope(caller), { id: current.id }] }, data });
  webhooksChanged(current.ownerId);
  if (count === 0) throw notFound("Webhook");
  // Field names only: a new secret is recorded as "secret" changed, never its value.
  await recordAudit({
    actor: caller,
    ownerId: current.ownerId,
    action: "webhook.updated",
    target: { type: "webhook", id: current.id, name: input.name ?? current.name },
    details: { fields: Object.keys(input).sort() },
  });
  // Re-enabled: what waited while it was off can go now.
  if (input.isActive)
    getRuntime()
      .workers.find((w) => w.name === "webhooks")
      ?.wake();
  return toPublicWebhook(await db().webhook.findUniqueOrThrow({ where: { id: current.id }, select: WEBHOOK_SELECT }));
}
