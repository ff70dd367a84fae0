import "server-only";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { userScope } from "@/lib/auth/scope";
import { notifyCallerChanged } from "@/lib/realtime/notify-caller-changed";
import { db } from "@/lib/server/runtime";

/**
 * Replaces the set of sessions a STAFF user may work on. Only sessions of that staff member's own
 * owner can be assigned, so staff never reach across tenants even when a superadmin assigns.
 */
export async function assignSessions(caller: Caller, staffId: string, sessionIds: string[]) {
  const staff = await db().user.findFirst({ where: { id: staffId, ...userScope(caller) }, select: { id: true, role: true, ownerId: true } });
  if (!staff) throw notFound("User");
  if (staff.role !== "STAFF" || !staff.ownerId) throw new AppError("BAD_REQUEST", "Sessions can only be assigned to staff users");
  const ownerId = staff.ownerId;
  const unique = [...new Set(sessionIds)];
  const sessions = await db().whatsappSession.findMany({
    where: { ownerId, OR: [{ sessionId: { in: unique } }, { id: { in: unique } }] },
    select: { id: true, sessionId: true },
  });
  const found = new Set(sessions.flatMap((s) => [s.id, s.sessionId]));
  const missing = unique.find((id) => !found.has(id));
  if (missing) throw new AppError("BAD_REQUEST", `sessionIds: session ${missing} not found`);
  await db().$transaction([
    db().sessionAssignment.deleteMany({ where: { userId: staff.id, ownerId } }),
    db().sessionAssignment.createMany({ data: sessions.map((s) => ({ sessionId: s.id, userId: staff.id, ownerId })) }),
  ]);
  // The staff member's sockets leave the rooms of sessions no longer assigned.
  await notifyCallerChanged(staff.id);
  return listAssignedSessions(caller, staffId);
}

export async function listAssignedSessions(caller: Caller, staffId: string) {
  const staff = await db().user.findFirst({ where: { id: staffId, ...userScope(caller) }, select: { id: true } });
  if (!staff) throw notFound("User");
  const rows = await db().sessionAssignment.findMany({
    where: { userId: staff.id },
    select: { session: { select: { id: true, sessionId: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.session);
}
