import "server-only";
import { webhooksChanged } from "@/lib/events/webhooks-changed";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { resolveWebhookSession } from "@/lib/webhooks/resolve-webhook-session";

/** DELETE /api/sessions/[id]/webhook (Clevio / Campaign API): no more events to the session's URL. */
export async function deleteSessionWebhookUrl(caller: Caller, sessionId: string) {
  const session = await resolveWebhookSession(caller, sessionId);
  const { count } = await db().webhook.deleteMany({ where: { sessionId: session.id, ownerId: session.ownerId, origin: "SESSION_URL" } });
  webhooksChanged(session.ownerId);
  if (count === 0) throw notFound("Webhook");
  return { success: true };
}
