import "server-only";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { userScope } from "@/lib/auth/scope";
import { notifyCallerChanged } from "@/lib/realtime/notify-caller-changed";
import { db } from "@/lib/server/runtime";

/** Removes a user and, through the schema's cascades, their keys, staff, sessions and assignments. */
export async function deleteUser(caller: Caller, userId: string): Promise<{ success: true }> {
  if (userId === caller.id) throw new AppError("BAD_REQUEST", "You cannot delete your own account here");
  const { count } = await db().user.deleteMany({ where: { id: userId, ...userScope(caller) } });
  if (count === 0) throw notFound("User");
  // Their sockets (and, for an owner, its staff's: same tenant id) are disconnected.
  await notifyCallerChanged(userId);
  return { success: true };
}
