import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { PUBLIC_USER_SELECT } from "@/lib/users/public-user";

export async function getMe(caller: Caller) {
  const user = await db().user.findUnique({ where: { id: caller.id }, select: PUBLIC_USER_SELECT });
  if (!user) throw notFound("User");
  return user;
}
