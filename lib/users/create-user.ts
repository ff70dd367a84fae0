import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/server/runtime";
import { PUBLIC_USER_SELECT } from "@/lib/users/public-user";
import { assertEmailAndUsernameFree, rethrowUniqueViolation } from "@/lib/users/unique-violation";
import type { CreateUserInput } from "@/lib/users/users.schema";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * A SUPERADMIN creates any user (a STAFF user needs the OWNER they work for); an OWNER creates
 * STAFF for themselves only, whatever the body says.
 */
export async function createUser(caller: Caller, input: CreateUserInput) {
  let role = input.role ?? "STAFF";
  let ownerId: string | null = null;
  if (caller.role === "OWNER") {
    if (input.role && input.role !== "STAFF") throw new AppError("FORBIDDEN", "Owners can only create staff users");
    if (input.ownerId && input.ownerId !== caller.id) throw new AppError("FORBIDDEN", "Owners can only create their own staff");
    role = "STAFF";
    ownerId = caller.id;
  } else if (role === "STAFF") {
    if (!input.ownerId) throw new AppError("BAD_REQUEST", "ownerId: is required for a STAFF user");
    const owner = await db().user.findFirst({ where: { id: input.ownerId, role: "OWNER" }, select: { id: true } });
    if (!owner) throw new AppError("BAD_REQUEST", "ownerId: no such owner");
    ownerId = owner.id;
  } else if (input.ownerId) {
    throw new AppError("BAD_REQUEST", "ownerId: only a STAFF user has an owner");
  }
  await assertEmailAndUsernameFree(input);
  const passwordHash = await hashPassword(input.password);
  const user = await db()
    .user.create({
      data: { name: input.name, email: input.email, username: input.username, phone: input.phone, passwordHash, role, ownerId },
      select: PUBLIC_USER_SELECT,
    })
    .catch(rethrowUniqueViolation);
  await recordAudit({
    actor: caller,
    ownerId: user.ownerId ?? user.id,
    action: "user.created",
    target: { type: "user", id: user.id, name: user.name },
    details: { role: user.role },
  });
  return user;
}
