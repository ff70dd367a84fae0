import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { loginRetryAfter, recordLoginFailure, recordLoginSuccess } from "@/lib/auth/login-rate-limit";
import { decoyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/server/runtime";
import { recordSignIn } from "@/lib/audit/record-audit";

/**
 * Checks a username-or-email and password, shared by the dashboard's next-auth sign-in and the
 * JSON login. Rate-limited per account and per client address; the answer never says which of
 * the two was wrong.
 */
export async function authenticateCredentials(identifier: string, password: string, ip: string) {
  const id = identifier.trim().toLowerCase();
  const user = await db().user.findFirst({
    where: { OR: [{ email: id }, { username: id }] },
    select: { id: true, name: true, email: true, username: true, role: true, passwordHash: true, sessionVersion: true, suspendedAt: true },
  });
  // Failures are counted per account, not per spelling: an account's username and email share one
  // counter, or each name would get its own allowance of guesses.
  const account = user ? `user:${user.id}` : id;
  const wait = await loginRetryAfter(db(), account, ip);
  if (wait > 0) {
    throw new AppError("RATE_LIMITED", `Too many failed sign-in attempts; try again in ${wait} s`, { "Retry-After": String(wait) });
  }
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !ok) {
    await recordLoginFailure(db(), account, ip);
    throw new AppError("UNAUTHORIZED", "Invalid username/email or password");
  }
  await recordLoginSuccess(db(), account, ip);
  // Said only to whoever knows the password.
  if (user.suspendedAt) throw new AppError("FORBIDDEN", "This account is suspended");
  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordSignIn(user.id, ip);
  const { passwordHash: _omit, suspendedAt: _suspended, ...publicUser } = user;
  return publicUser;
}
