import { env } from "@/lib/env";

// Failed sign-ins counted in a sliding window, per account *from one address* and per address:
// guessing one account's password from an address stops after a few tries, and spraying many
// accounts from one address gets nowhere. The account's lock is keyed by address too, so a guesser
// cannot lock the real user out: the owner signing in from another address is not affected (a
// lock on the account alone would let anyone lock any account — the superadmin's included — by
// typing five wrong passwords). Distributed guessing is bounded by the per-address budgets times
// the number of addresses, and every guess costs an argon2id verification. Kept in memory on
// globalThis: losing the counters on restart is acceptable.
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

const accountKey = (identifier: string, ip: string) => `account:${identifier.trim().toLowerCase()}|ip:${ip}`;
const ipKey = (ip: string) => `ip:${ip}`;

/** Seconds until another attempt at this account from this address is allowed, or 0 when allowed now. */
export function loginRetryAfter(identifier: string, ip: string, now = Date.now()): number {
  const windowMs = env.LOGIN_WINDOW_SECONDS * 1000;
  const limits: Array<[string, number]> = [
    [accountKey(identifier, ip), env.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT],
    [ipKey(ip), env.LOGIN_MAX_ATTEMPTS_PER_IP],
  ];
  let wait = 0;
  for (const [key, max] of limits) {
    const list = recent(key, now);
    if (list.length >= max) wait = Math.max(wait, Math.ceil((list[list.length - max] + windowMs - now) / 1000));
  }
  return wait;
}

export function recordLoginFailure(identifier: string, ip: string, now = Date.now()): void {
  for (const key of [accountKey(identifier, ip), ipKey(ip)]) {
    const entry = failures.get(key) ?? { failures: [] };
    entry.failures.push(now);
    failures.set(key, entry);
  }
}

/** A correct password clears the account's counter for that address; the address keeps its record. */
export function recordLoginSuccess(identifier: string, ip: string): void {
  failures.delete(accountKey(identifier, ip));
}

/**
 * Sign-up conflicts (an e-mail or username already in use) spend the address's sign-in budget: each
 * one tells the caller something about existing accounts, like a wrong password does.
 */
export function addressRetryAfter(ip: string, now = Date.now()): number {
  const list = recent(ipKey(ip), now);
  const max = env.LOGIN_MAX_ATTEMPTS_PER_IP;
  return list.length >= max ? Math.ceil((list[list.length - max] + env.LOGIN_WINDOW_SECONDS * 1000 - now) / 1000) : 0;
}

export function recordAddressFailure(ip: string, now = Date.now()): void {
  const entry = failures.get(ipKey(ip)) ?? { failures: [] };
  entry.failures.push(now);
  failures.set(ipKey(ip), entry);
}
