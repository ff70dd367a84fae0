import "server-only";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { sessionScopeSql } from "@/lib/auth/scope";
import { direct } from "@/lib/db/direct-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/runtime";
import { SESSION_SELECT, type SessionRecord } from "@/lib/sessions/public-session";

// SESSION_SELECT's fields as columns of `s` (they are not renamed in the schema), so the two cannot
// drift; for other raw reads of a session record too (the campaign runner's step).
export const SESSION_COLUMNS = Prisma.raw(
  Object.keys(SESSION_SELECT)
    .map((field) => `s."${field}"`)
    .join(", "),
);

/**
 * Finds a session by public sessionId or id within what the caller may see; 404 otherwise. Public
 * sessionIds are unique per owner only (so that choosing one reveals nothing about other tenants):
 * within an OWNER's or STAFF's scope one matches at most, while a SUPERADMIN may see several
 * tenants' "shop" — then the internal id, or their own session, decides, or the answer says to use
 * the internal id. `ownerId` narrows the look-up to one tenant (e.g. the tenant of a webhook).
 * Every send starts here, so it is one raw statement on the pool (issue 10: Prisma's findMany cost
 * ~0.7–0.9 ms of CPU, the raw statement ~0.1 ms), with the caller's scope as SQL.
 */
export async function getSessionOrThrow(caller: Caller, idOrSessionId: string, options: { ownerId?: string } = {}) {
  const rows = await direct(db()).$queryRaw<SessionRecord[]>`
    SELECT ${SESSION_COLUMNS} FROM whatsapp_sessions s
    WHERE ${sessionScopeSql(caller)} AND (s."sessionId" = ${idOrSessionId} OR s.id = ${idOrSessionId})
      ${options.ownerId ? Prisma.sql`AND s."ownerId" = ${options.ownerId}` : Prisma.empty}
    LIMIT 50`;
  if (rows.length === 0) throw notFound("Session");
  if (rows.length === 1) return rows[0];
  const chosen = rows.find((r) => r.id === idOrSessionId) ?? rows.find((r) => r.ownerId === caller.id);
  if (chosen) return chosen;
  throw new AppError("CONFLICT", `sessionId: ${idOrSessionId} is used by several tenants; use the session's id instead`);
}
