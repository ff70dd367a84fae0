import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { db } from "@/lib/server/runtime";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";

/** 409 naming the field when an email or username is already taken by another user. */
export async function assertEmailAndUsernameFree(fields: { email?: string; username?: string }, exceptUserId?: string) {
  const or = [...(fields.email ? [{ email: fields.email }] : []), ...(fields.username ? [{ username: fields.username }] : [])];
  if (or.length === 0) return;
  const taken = await db().user.findFirst({
    where: { OR: or, ...(exceptUserId ? { NOT: { id: exceptUserId } } : {}) },
    select: { email: true, username: true },
  });
  if (!taken) return;
  throw new AppError("CONFLICT", taken.email === fields.email ? "email: already in use" : "username: already in use");
}

/** A unique-constraint race that slipped past the check above is still a 409, not a 500. */
export function rethrowUniqueViolation(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError("CONFLICT", "email or username: already in use");
  throw error;
}
