import "server-only";
import { env } from "@/lib/env";

// Failed sign-ins counted in a sliding window, per account and per client address, so that neither
// guessing one account's password nor spraying many accounts from one address gets far. Kept in
// memory on globalThis: Wagate is one process, and losing the counters on restart is acceptable.
interface Window {
  failures: number[];
}

const store = globalThis as unknown as { __wagateLoginFailures?: Map<string, Window> };
const failures = (store.__wagateLoginFailures ??= new Map());

function recent(key: string, now: number): number[] {
  const windowMs = env.LOGIN_WINDOW_SECONDS * 1000;
  const entry = failures.get(key);
  if (!entry) return [];
  entry.failures = entry.failures.filter((t: number) => now - t < windowMs);
  if (entry.failures.length === 0) failures.delete(key);
  return entry.failures;
}

function keys(identifier: string, ip: string) {
  return { account: `account:${identifier.trim().toLowerCase()}`, ip: `ip:${ip}` };
}

/** Seconds until another attempt is allowed, or 0 when one is allowed now. */
export function loginRetryAfter(identifier: string, ip: string, now = Date.now()): number {
  const k = keys(identifier, ip);
  const windowMs = env.LOGIN_WINDOW_SECONDS * 1000;
  const limits: Array<[string, number]> = [
    [k.account, env.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT],
    [k.ip, env.LOGIN_MAX_ATTEMPTS_PER_IP],
  ];
  let wait = 0;
  for (const [key, max] of limits) {
    const list = recent(key, now);
    if (list.length >= max) wait = Math.max(wait, Math.ceil((list[list.length - max] + windowMs - now) / 1000));
  }
  return wait;
}

export function recordLoginFailure(identifier: string, ip: string, now = Date.now()): void {
  for (const key of Object.values(keys(identifier, ip))) {
    const entry = failures.get(key) ?? { failures: [] };
    entry.failures.push(now);
    failures.set(key, entry);
  }
}

/** A correct password clears the account's counter; the address keeps its record. */
export function recordLoginSuccess(identifier: string): void {
  failures.delete(keys(identifier, "").account);
}
