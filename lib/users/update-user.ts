import "server-only";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { hashPassword } from "@/lib/auth/password";
import { userScope } from "@/lib/auth/scope";
import { notifyCallerChanged } from "@/lib/realtime/notify-caller-changed";
import { db } from "@/lib/server/runtime";
import { PUBLIC_USER_SELECT } from "@/lib/users/public-user";
import { assertEmailAndUsernameFree, rethrowUniqueViolation } from "@/lib/users/unique-violation";
import type { UpdateUserInput } from "@/lib/users/users.schema";
import { recordAudit } from "@/lib/audit/record-audit";

export async function updateUser(caller: Caller, userId: string, input: UpdateUserInput) {
  if (input.role && caller.role !== "SUPERADMIN") throw new AppError("FORBIDDEN", "Only a superadmin can change roles");
  if (input.role && userId === caller.id) throw new AppError("BAD_REQUEST", "role: you cannot change your own role");
  const target = await db().user.findFirst({ where: { id: userId, ...userScope(caller) }, select: { id: true, role: true, ownerId: true } });
  if (!target) throw notFound("User");
  if (input.role === "STAFF" && !target.ownerId) {
    throw new AppError("BAD_REQUEST", "role: a user without an owner cannot become STAFF; create a staff user instead");
  }
  await assertEmailAndUsernameFree(input, userId);
  const { password, role, suspended, ...rest } = input;
  if (suspended !== undefined && userId === caller.id) throw new AppError("BAD_REQUEST", "suspended: you cannot suspend yourself");
  // A new password, a new role or a suspension ends the user's cookies at once (session version).
  const endsSessions = Boolean(password || (role && role !== target.role) || suspended);
  const data = {
    ...rest,
    ...(role ? { role, ...(role !== "STAFF" ? { ownerId: null } : {}) } : {}),
    ...(password ? { passwordHash: await hashPassword(password) } : {}),
    ...(suspended !== undefined ? { suspendedAt: suspended ? new Date() : null } : {}),
    ...(endsSessions ? { sessionVersion: { increment: 1 } } : {}),
  };
  // The scope is repeated in the write itself, so a concurrent change of owner cannot widen it.
  const { count } = await db()
    .user.updateMany({ where: { id: userId, ...userScope(caller) }, data })
    .catch(rethrowUniqueViolation);
  if (count === 0) throw notFound("User");
  // Open sockets of the user re-check what they may see (a demoted or suspended user loses it now),
  // and every node forgets the user's cached API keys (lib/api-keys/api-key-cache.ts), which carry
  // the name, email and username too.
  await notifyCallerChanged(userId);
  const updated = await db().user.findUniqueOrThrow({ where: { id: userId }, select: PUBLIC_USER_SELECT });
  // Field names only: a reset password is recorded as "password" changed, never its value.
  await recordAudit({
    actor: caller,
    ownerId: updated.ownerId ?? updated.id,
    action: "user.updated",
    target: { type: "user", id: userId, name: updated.name },
    details: { fields: Object.keys(input).sort() },
  });
  return updated;
}
