import "server-only";
import { AppError } from "@/lib/api/app-error";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { db } from "@/lib/server/runtime";
import { PUBLIC_USER_SELECT } from "@/lib/users/public-user";
import { assertEmailAndUsernameFree, rethrowUniqueViolation } from "@/lib/users/unique-violation";
import type { RegisterInput } from "@/lib/users/users.schema";

/** Self-service sign-up: always an OWNER, i.e. a new tenant. Registering signs the new owner in (the
 * route sets the cookie), so it counts as their first sign-in. */
export async function registerUser(input: RegisterInput) {
  if (!env.ALLOW_SIGNUP) throw new AppError("FORBIDDEN", "Sign-up is disabled on this gateway");
  await assertEmailAndUsernameFree(input);
  const passwordHash = await hashPassword(input.password);
  return db()
    .user.create({
      data: { name: input.name, email: input.email, username: input.username, phone: input.phone, passwordHash, role: "OWNER", lastLoginAt: new Date() },
      select: PUBLIC_USER_SELECT,
    })
    .catch(rethrowUniqueViolation);
}
