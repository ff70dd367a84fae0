import "server-only";
import type { Db } from "@/lib/db/create-prisma-client";
import { env } from "@/lib/env";

// Failed sign-ins counted in a sliding window, per account *from one address* and per address:
// guessing one account's password from an address stops after a few tries, and spraying many
// accounts from one address gets nowhere. The account's lock is keyed by address too, so a guesser
// cannot lock the real user out: the owner signing in from another address is not affected (a
// lock on the account alone would let anyone lock any account — the superadmin's included — by
// typing five wrong passwords). Distributed guessing is bounded by the per-address budgets times
// the number of addresses, and every guess costs an argon2id verification.
//
// The failures are rows in PostgreSQL (login_failures), not process memory (issue 16): behind a load
// balancer a guesser's requests reach every node, and each node keeping its own count would multiply
// the budget by the number of nodes. It also survives a restart. Two nodes checking at the same
// instant may both let one more attempt through; the budget is a rate, not a transaction.

const accountKey = (identifier: string, ip: string) => `account:${identifier.trim().toLowerCase()}|ip:${ip}`;
const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Seconds until the oldest failure that counts against a budget leaves the window, or 0 when the
 * budget is not spent. `failures`: the key's failures in the window, oldest first.
 */
function waitFor(failures: number[], max: number, now: number): number {
  if (failures.length < max) return 0;
  return Math.ceil((failures[failures.length - max] + env.LOGIN_WINDOW_SECONDS * 1000 - now) / 1000);
}

/** The failures of each key still inside the window, oldest first: one query for all the keys. */
async function recentFailures(db: Db, keys: string[], now: number): Promise<Map<string, number[]>> {
  const since = new Date(now - env.LOGIN_WINDOW_SECONDS * 1000);
  const rows = await db.loginFailure.findMany({
    where: { key: { in: keys }, at: { gt: since, lte: new Date(now) } },
    select: { key: true, at: true },
    orderBy: { at: "asc" },
  });
  const byKey = new Map<string, number[]>(keys.map((k) => [k, []]));
  for (const row of rows) byKey.get(row.key)?.push(row.at.getTime());
  return byKey;
}

/** Records failures under the keys, and forgets every failure that has left the window. */
async function addFailures(db: Db, keys: string[], now: number): Promise<void> {
  const since = new Date(now - env.LOGIN_WINDOW_SECONDS * 1000);
  await db.$transaction([
    db.loginFailure.createMany({ data: keys.map((key) => ({ key, at: new Date(now) })) }),
    db.loginFailure.deleteMany({ where: { at: { lte: since } } }),
  ]);
}

/** Seconds until another attempt at this account from this address is allowed, or 0 when allowed now. */
export async function loginRetryAfter(db: Db, identifier: string, ip: string, now = Date.now()): Promise<number> {
  const account = accountKey(identifier, ip);
  const address = ipKey(ip);
  const recent = await recentFailures(db, [account, address], now);
  return Math.max(
    waitFor(recent.get(account) ?? [], env.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT, now),
    waitFor(recent.get(address) ?? [], env.LOGIN_MAX_ATTEMPTS_PER_IP, now),
  );
}

export async function recordLoginFailure(db: Db, identifier: string, ip: string, now = Date.now()): Promise<void> {
  await addFailures(db, [accountKey(identifier, ip), ipKey(ip)], now);
}

/** A correct password clears the account's counter for that address; the address keeps its record. */
export async function recordLoginSuccess(db: Db, identifier: string, ip: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { key: accountKey(identifier, ip) } });
}

/**
 * Sign-up conflicts (an e-mail or username already in use) spend the address's sign-in budget: each
 * one tells the caller something about existing accounts, like a wrong password does.
 */
export async function addressRetryAfter(db: Db, ip: string, now = Date.now()): Promise<number> {
  const address = ipKey(ip);
  const recent = await recentFailures(db, [address], now);
  return waitFor(recent.get(address) ?? [], env.LOGIN_MAX_ATTEMPTS_PER_IP, now);
}

export async function recordAddressFailure(db: Db, ip: string, now = Date.now()): Promise<void> {
  await addFailures(db, [ipKey(ip)], now);
}
