import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope } from "@/lib/auth/scope";
import { db, getRuntime } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import { recordAudit } from "@/lib/audit/record-audit";
import { retryOnConflict } from "@/lib/db/retry-on-conflict";

/** Logs the session out on WhatsApp, removes its credentials, then deletes it with all it owns. */
export async function deleteSession(caller: Caller, idOrSessionId: string): Promise<{ success: true }> {
  const session = await getSessionOrThrow(caller, idOrSessionId);
  await getRuntime().sessions.remove(session);
  // The cascade meets whatever the session's workers were still writing (a webhook attempt being
  // recorded, a receipt): PostgreSQL may break such a deadlock by aborting the delete; it is tried again.
  const { count } = await retryOnConflict(() => db().whatsappSession.deleteMany({ where: { id: session.id, ...sessionScope(caller) } }));
  if (count === 0) throw notFound("Session");
  await recordAudit({
    actor: caller,
    ownerId: session.ownerId,
    action: "session.deleted",
    target: { type: "session", id: session.sessionId, name: session.name },
  });
  return { success: true };
}
