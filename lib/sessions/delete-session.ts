import "server-only";
import { notFound } from "@/lib/api/app-error";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope } from "@/lib/auth/scope";
import { db } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** Deletes a session with its assignments (and, once connected sessions exist, its credentials). */
export async function deleteSession(caller: Caller, idOrSessionId: string): Promise<{ success: true }> {
  const session = await getSessionOrThrow(caller, idOrSessionId);
  const { count } = await db().whatsappSession.deleteMany({ where: { id: session.id, ...sessionScope(caller) } });
  if (count === 0) throw notFound("Session");
  return { success: true };
}
