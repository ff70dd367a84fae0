import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope } from "@/lib/auth/scope";
import { db } from "@/lib/server/runtime";
import { getLiveState } from "@/lib/sessions/get-live-state";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import { toPublicSession } from "@/lib/sessions/public-session";

export async function renameSession(caller: Caller, idOrSessionId: string, name: string) {
  const session = await getSessionOrThrow(caller, idOrSessionId);
  const { count } = await db().whatsappSession.updateMany({ where: { id: session.id, ...sessionScope(caller) }, data: { name } });
  if (count === 0) throw notFound("Session");
  return toPublicSession({ ...session, name }, await getLiveState(session));
}
