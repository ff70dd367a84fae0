import "server-only";
import { AppError } from "@/lib/api/app-error";
import type { Caller } from "@/lib/auth/caller";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/server/runtime";
import { PUBLIC_USER_SELECT } from "@/lib/users/public-user";
import type { UpdateMeInput } from "@/lib/users/users.schema";

export async function updateMe(caller: Caller, input: UpdateMeInput) {
  const data: { name?: string; phone?: string | null; passwordHash?: string } = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.phone !== undefined) data.phone = input.phone;
  if (input.newPassword) {
    const user = await db().user.findUniqueOrThrow({ where: { id: caller.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(user.passwordHash, input.currentPassword ?? ""))) {
      throw new AppError("BAD_REQUEST", "currentPassword: is not correct");
    }
    data.passwordHash = await hashPassword(input.newPassword);
  }
  return db().user.update({ where: { id: caller.id }, data, select: PUBLIC_USER_SELECT });
}
