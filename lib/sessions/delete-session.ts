import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope } from "@/lib/auth/scope";
import { db, getRuntime } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** Logs the session out on WhatsApp, removes its credentials, then deletes it with all it owns. */
export async function deleteSession(caller: Caller, idOrSessionId: string): Promise<{ success: true }> {
  const session = await getSessionOrThrow(caller, idOrSessionId);
  await getRuntime().sessions.remove(session);
  const { count } = await db().whatsappSession.deleteMany({ where: { id: session.id, ...sessionScope(caller) } });
  if (count === 0) throw notFound("Session");
  return { success: true };
}
