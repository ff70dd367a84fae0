import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope } from "@/lib/auth/scope";
import { db } from "@/lib/server/runtime";
import { SESSION_SELECT } from "@/lib/sessions/public-session";

/** Finds a session by public sessionId or id within what the caller may see; 404 otherwise. */
export async function getSessionOrThrow(caller: Caller, idOrSessionId: string) {
  const session = await db().whatsappSession.findFirst({
    where: { AND: [sessionScope(caller), { OR: [{ sessionId: idOrSessionId }, { id: idOrSessionId }] }] },
    select: SESSION_SELECT,
  });
  if (!session) throw notFound("Session");
  return session;
}
