import "server-only";
import { webhooksChanged } from "@/lib/events/webhooks-changed";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { listSessionWebhooks } from "@/lib/webhooks/list-session-webhooks";
import { resolveWebhookSession } from "@/lib/webhooks/resolve-webhook-session";

/** DELETE /api/sessions/[id]/webhooks { url } (Chatery): removes the session's webhooks with that URL. */
export async function removeSessionWebhook(caller: Caller, sessionId: string, url: string) {
  const session = await resolveWebhookSession(caller, sessionId);
  const { count } = await db().webhook.deleteMany({ where: { sessionId: session.id, ownerId: session.ownerId, url } });
  webhooksChanged(session.ownerId);
  if (count === 0) throw notFound("Webhook");
  return listSessionWebhooks(caller, session.sessionId);
}
