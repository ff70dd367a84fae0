import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { loginRetryAfter, recordLoginFailure, recordLoginSuccess } from "@/lib/auth/login-rate-limit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { notifyCallerChanged } from "@/lib/realtime/notify-caller-changed";
import { db } from "@/lib/server/runtime";
import { bumpSessionVersion } from "@/lib/users/bump-session-version";
import { PUBLIC_USER_SELECT } from "@/lib/users/public-user";
import type { UpdateMeInput } from "@/lib/users/users.schema";

/**
 * `ip` feeds the same limiter as sign-in: guessing the current password is guessing a password. A
 * new password ends every cookie of the user (a stolen one included); `sessionVersion` is then the
 * new version, for a fresh cookie to the browser that made the change.
 */
export async function updateMe(caller: Caller, input: UpdateMeInput, ip: string) {
  const data: { name?: string; phone?: string | null; passwordHash?: string; timeZone?: string | null; locale?: string | null } = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.phone !== undefined) data.phone = input.phone;
  // Preferences (the Account page): null goes back to the browser's own.
  if (input.timeZone !== undefined) data.timeZone = input.timeZone;
  if (input.locale !== undefined) data.locale = input.locale;
  if (input.newPassword) {
    const account = `user:${caller.id}`;
    const wait = await loginRetryAfter(db(), account, ip);
    if (wait > 0) throw new AppError("RATE_LIMITED", `Too many failed password attempts; try again in ${wait} s`, { "Retry-After": String(wait) });
    const user = await db().user.findUniqueOrThrow({ where: { id: caller.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(user.passwordHash, input.currentPassword ?? ""))) {
      await recordLoginFailure(db(), account, ip);
      throw new AppError("BAD_REQUEST", "currentPassword: is not correct");
    }
    await recordLoginSuccess(db(), account, ip);
    data.passwordHash = await hashPassword(input.newPassword);
  }
  const user = await db().user.update({ where: { id: caller.id }, data, select: PUBLIC_USER_SELECT });
  const sessionVersion = data.passwordHash ? await bumpSessionVersion(caller.id) : null;
  // A new name: every node forgets the user's cached API keys, which carry it (lib/api-keys/api-key-cache.ts);
  // a new password already announced the change (bumpSessionVersion).
  if (!data.passwordHash && data.name !== undefined) await notifyCallerChanged(caller.id);
  return { user, sessionVersion };
}
