import "server-only";
import type { Caller } from "@/lib/auth/caller";
import type { Db } from "@/lib/db/create-prisma-client";

/**
 * The caller that background work acts as (an auto-reply acts as the session's owner, a schedule's
 * firing as the user who made it), so that it passes the same access checks as a request would:
 * a staff member who lost the session's assignment, or a suspended account, sends nothing.
 */
export async function callerForUser(db: Db, userId: string): Promise<Caller | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, name: true, email: true, username: true, ownerId: true, suspendedAt: true },
  });
  if (!user || user.suspendedAt) return null;
  const { suspendedAt: _suspendedAt, ...rest } = user;
  return { ...rest, tenantId: user.role === "STAFF" && user.ownerId ? user.ownerId : user.id, via: "apiKey" };
}
