import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { addressRetryAfter, recordAddressFailure } from "@/lib/auth/login-rate-limit";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { db } from "@/lib/server/runtime";
import { PUBLIC_USER_SELECT } from "@/lib/users/public-user";
import { assertEmailAndUsernameFree } from "@/lib/users/unique-violation";
import type { RegisterInput } from "@/lib/users/users.schema";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";

const TAKEN = "email or username: already in use";

/**
 * Self-service sign-up: always an OWNER, i.e. a new tenant. E-mail addresses and usernames are
 * unique whatever their letter case (stored in lower case, and a unique index on lower()). A
 * conflict gets one generic answer that does not say which of the two is in use (see the README's
 * "Security" section for what that does and does not hide). Registering signs the new owner in
 * (the route sets the cookie), so it counts as their first sign-in.
 */
export async function registerUser(input: RegisterInput, ip: string) {
  if (!env.ALLOW_SIGNUP) throw new AppError("FORBIDDEN", "Sign-up is disabled on this gateway");
  // Conflicts spend the address's sign-in budget, so probing for used e-mails is slowed too.
  const wait = await addressRetryAfter(db(), ip);
  if (wait > 0) throw new AppError("RATE_LIMITED", `Too many attempts from this address; try again in ${wait} s`, { "Retry-After": String(wait) });
  await assertEmailAndUsernameFree(input).catch(async (error: unknown) => {
    if (!(error instanceof AppError && error.code === "CONFLICT")) throw error;
    await recordAddressFailure(db(), ip);
    throw new AppError("CONFLICT", TAKEN);
  });
  const passwordHash = await hashPassword(input.password);
  return db()
    .user.create({
      data: {
        name: input.name,
        email: input.email,
        username: input.username,
        phone: input.phone,
        gst: input.gst,
        passwordHash,
        role: "OWNER",
        lastLoginAt: new Date(),
      },
      select: PUBLIC_USER_SELECT,
    })
    .catch(async (error: unknown) => {
      if (isUniqueViolation(error)) {
        await recordAddressFailure(db(), ip);
        throw new AppError("CONFLICT", TAKEN);
      }
      throw error;
    });
}
