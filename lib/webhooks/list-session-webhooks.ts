import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { toPublicWebhook, WEBHOOK_SELECT } from "@/lib/webhooks/public-webhook";
import { resolveWebhookSession } from "@/lib/webhooks/resolve-webhook-session";

/** Every webhook bound to one session, whichever way it was configured (Chatery's `webhooks`). */
export async function listSessionWebhooks(caller: Caller, sessionId: string) {
  const session = await resolveWebhookSession(caller, sessionId);
  const rows = await db().webhook.findMany({
    where: { sessionId: session.id, ownerId: session.ownerId },
    orderBy: { createdAt: "asc" },
    select: WEBHOOK_SELECT,
  });
  return { sessionId: session.sessionId, webhooks: rows.map(toPublicWebhook) };
}
