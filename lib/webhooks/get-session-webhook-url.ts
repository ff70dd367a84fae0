import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { toPublicWebhook, WEBHOOK_SELECT } from "@/lib/webhooks/public-webhook";
import { resolveWebhookSession } from "@/lib/webhooks/resolve-webhook-session";

/** GET /api/sessions/[id]/webhook (Campaign API): the session's one webhook URL, or null. */
export async function getSessionWebhookUrl(caller: Caller, sessionId: string) {
  const session = await resolveWebhookSession(caller, sessionId);
  const row = await db().webhook.findFirst({ where: { sessionId: session.id, ownerId: session.ownerId, origin: "SESSION_URL" }, select: WEBHOOK_SELECT });
  return { sessionId: session.sessionId, url: row?.url ?? null, webhook: row ? toPublicWebhook(row) : null };
}
