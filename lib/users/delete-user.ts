import "server-only";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { userScope } from "@/lib/auth/scope";
import { notifyCallerChanged } from "@/lib/realtime/notify-caller-changed";
import { db } from "@/lib/server/runtime";
import { recordAudit } from "@/lib/audit/record-audit";

/** Removes a user and, through the schema's cascades, their keys, staff, sessions and assignments. */
export async function deleteUser(caller: Caller, userId: string): Promise<{ success: true }> {
  if (userId === caller.id) throw new AppError("BAD_REQUEST", "You cannot delete your own account here");
  const target = await db().user.findFirst({ where: { id: userId, ...userScope(caller) }, select: { name: true, ownerId: true } });
  const { count } = await db().user.deleteMany({ where: { id: userId, ...userScope(caller) } });
  if (count === 0 || !target) throw notFound("User");
  // Their sockets (and, for an owner, its staff's: same tenant id) are disconnected.
  await notifyCallerChanged(userId);
  await recordAudit({ actor: caller, ownerId: target.ownerId ?? userId, action: "user.deleted", target: { type: "user", id: userId, name: target.name } });
  return { success: true };
}
