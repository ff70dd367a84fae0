import "server-only";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope } from "@/lib/auth/scope";
import { db } from "@/lib/server/runtime";
import { SESSION_SELECT } from "@/lib/sessions/public-session";

/**
 * Finds a session by public sessionId or id within what the caller may see; 404 otherwise. Public
 * sessionIds are unique per owner only (so that choosing one reveals nothing about other tenants):
 * within an OWNER's or STAFF's scope one matches at most, while a SUPERADMIN may see several
 * tenants' "shop" — then the internal id, or their own session, decides, or the answer says to use
 * the internal id. `ownerId` narrows the look-up to one tenant (e.g. the tenant of a webhook).
 */
export async function getSessionOrThrow(caller: Caller, idOrSessionId: string, options: { ownerId?: string } = {}) {
  const rows = await db().whatsappSession.findMany({
    where: {
      AND: [sessionScope(caller), { OR: [{ sessionId: idOrSessionId }, { id: idOrSessionId }] }, ...(options.ownerId ? [{ ownerId: options.ownerId }] : [])],
    },
    select: SESSION_SELECT,
    take: 50,
  });
  if (rows.length === 0) throw notFound("Session");
  if (rows.length === 1) return rows[0];
  const chosen = rows.find((r) => r.id === idOrSessionId) ?? rows.find((r) => r.ownerId === caller.id);
  if (chosen) return chosen;
  throw new AppError("CONFLICT", `sessionId: ${idOrSessionId} is used by several tenants; use the session's id instead`);
}
