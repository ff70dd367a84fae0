// The sign-in rate limit (lib/auth/login-rate-limit.ts) against a real PostgreSQL: the window
// logic, and one budget shared by every gateway node on the database (issue 16).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as RateLimit from "@/lib/auth/login-rate-limit";
import type { Db } from "@/lib/db/create-prisma-client";
import { createMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let limiter: typeof RateLimit;
let database: TestDatabase;
let db: Db;
const WINDOW_S = 60;
beforeAll(async () => {
  // lib/env.ts parses process.env on first use and needs the secrets to be valid.
  vi.stubEnv("AUTH_SECRET", "a".repeat(32));
  vi.stubEnv("APP_SECRET", "b".repeat(32));
  vi.stubEnv("LOGIN_MAX_ATTEMPTS_PER_ACCOUNT", "3");
  vi.stubEnv("LOGIN_MAX_ATTEMPTS_PER_IP", "5");
  vi.stubEnv("LOGIN_WINDOW_SECONDS", String(WINDOW_S));
  limiter = await import("@/lib/auth/login-rate-limit");
  database = await createMigratedTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await db.loginFailure.deleteMany();
});

const T0 = 1_700_000_000_000;
const s = (seconds: number) => T0 + seconds * 1000;

describe("login rate limit", async () => {
  it("locks an account from the address that guessed, not from every address", async () => {
    const { loginRetryAfter, recordLoginFailure } = limiter;
    expect(await loginRetryAfter(db, "alice", "1.1.1.1", s(0))).toBe(0);
    for (const t of [0, 10, 20]) await recordLoginFailure(db, "alice", "1.1.1.1", s(t));
    // Third failure from 1.1.1.1: that address waits until the oldest failure leaves the window…
    expect(await loginRetryAfter(db, "alice", "1.1.1.1", s(21))).toBe(WINDOW_S - 21);
    // …while the real user, elsewhere, still gets in: guessing is not a denial of service.
    expect(await loginRetryAfter(db, "alice", "9.9.9.9", s(21))).toBe(0);
    expect(await loginRetryAfter(db, "bob", "1.1.1.1", s(21))).toBe(0);
  });

  it("failures spread over addresses lock none of them", async () => {
    const { loginRetryAfter, recordLoginFailure } = limiter;
    for (let i = 0; i < 4; i++) await recordLoginFailure(db, "root", `10.0.0.${i}`, s(i));
    expect(await loginRetryAfter(db, "root", "10.0.0.9", s(5))).toBe(0);
    for (let i = 0; i < 4; i++) expect(await loginRetryAfter(db, "root", `10.0.0.${i}`, s(5))).toBe(0);
  });

  it("is a sliding window: the block lifts as the oldest failure expires", async () => {
    const { loginRetryAfter, recordLoginFailure } = limiter;
    for (const t of [0, 30, 40]) await recordLoginFailure(db, "carol", "x", s(t));
    expect(await loginRetryAfter(db, "carol", "x", s(59))).toBe(1);
    expect(await loginRetryAfter(db, "carol", "x", s(60))).toBe(0);
    // Two failures remain in the window: one more blocks again, until the one at 30 s expires.
    await recordLoginFailure(db, "carol", "x", s(61));
    expect(await loginRetryAfter(db, "carol", "x", s(62))).toBe(30 + WINDOW_S - 62);
  });

  it("treats the account name case- and space-insensitively", async () => {
    const { loginRetryAfter, recordLoginFailure } = limiter;
    await recordLoginFailure(db, "Dave", "a", s(0));
    await recordLoginFailure(db, " dave ", "a", s(1));
    await recordLoginFailure(db, "DAVE", "a", s(2));
    expect(await loginRetryAfter(db, "dave", "a", s(3))).toBeGreaterThan(0);
  });

  it("blocks an address that sprays many accounts, for every account", async () => {
    const { loginRetryAfter, recordLoginFailure } = limiter;
    for (let i = 0; i < 5; i++) await recordLoginFailure(db, `user${i}`, "6.6.6.6", s(i));
    expect(await loginRetryAfter(db, "someone-new", "6.6.6.6", s(5))).toBe(WINDOW_S - 5);
    expect(await loginRetryAfter(db, "someone-new", "7.7.7.7", s(5))).toBe(0);
  });

  it("a success clears the account's counter at that address but not the address's own", async () => {
    const { loginRetryAfter, recordLoginFailure, recordLoginSuccess } = limiter;
    for (let i = 0; i < 2; i++) await recordLoginFailure(db, "erin", "5.5.5.5", s(i));
    await recordLoginSuccess(db, "erin", "5.5.5.5");
    await recordLoginFailure(db, "erin", "5.5.5.5", s(3));
    await recordLoginFailure(db, "erin", "5.5.5.5", s(4));
    expect(await loginRetryAfter(db, "erin", "5.5.5.5", s(5)), "account: 2 failures since the success").toBe(0);
    await recordLoginFailure(db, "frank", "5.5.5.5", s(6));
    expect(await loginRetryAfter(db, "anyone", "5.5.5.5", s(7)), "address: 5 failures in the window").toBeGreaterThan(0);
  });

  it("sign-up conflicts spend the address's budget, which then also stops sign-ins from it", async () => {
    const { addressRetryAfter, loginRetryAfter, recordAddressFailure } = limiter;
    for (let i = 0; i < 4; i++) await recordAddressFailure(db, "8.8.4.4", s(i));
    expect(await addressRetryAfter(db, "8.8.4.4", s(4))).toBe(0);
    await recordAddressFailure(db, "8.8.4.4", s(4));
    expect(await addressRetryAfter(db, "8.8.4.4", s(5))).toBe(WINDOW_S - 5);
    expect(await loginRetryAfter(db, "anyone", "8.8.4.4", s(5))).toBe(WINDOW_S - 5);
    expect(await addressRetryAfter(db, "8.8.8.8", s(5))).toBe(0);
  });

  it("never answers a wait of 0 while blocked, nor longer than the window", async () => {
    const { loginRetryAfter, recordLoginFailure } = limiter;
    for (let i = 0; i < 3; i++) await recordLoginFailure(db, "gina", "g", s(0) + i);
    for (const t of [0.5, 1, 30, 59.999]) {
      const wait = await loginRetryAfter(db, "gina", "g", s(t));
      expect(wait, `at ${t} s`).toBeGreaterThanOrEqual(1);
      expect(wait, `at ${t} s`).toBeLessThanOrEqual(WINDOW_S);
    }
  });

  it("is one budget for every node on the database: failures spread over two nodes add up", async () => {
    const { loginRetryAfter, recordLoginFailure } = limiter;
    // A second client on the same database stands for a second gateway process behind the balancer.
    const otherNode = database.connect();
    await recordLoginFailure(db, "hank", "4.4.4.4", s(0));
    await recordLoginFailure(otherNode, "hank", "4.4.4.4", s(1));
    expect(await loginRetryAfter(otherNode, "hank", "4.4.4.4", s(2)), "two failures: under the budget of 3").toBe(0);
    await recordLoginFailure(db, "hank", "4.4.4.4", s(2));
    expect(await loginRetryAfter(otherNode, "hank", "4.4.4.4", s(3))).toBe(WINDOW_S - 3);
    expect(await loginRetryAfter(db, "hank", "4.4.4.4", s(3))).toBe(WINDOW_S - 3);
  });

  it("forgets failures that have left the window as new ones arrive", async () => {
    const { recordLoginFailure } = limiter;
    await recordLoginFailure(db, "ivy", "3.3.3.3", s(0));
    await recordLoginFailure(db, "ivy", "3.3.3.3", s(WINDOW_S + 1));
    const rows = await db.loginFailure.findMany({ select: { at: true } });
    expect(rows.map((r) => r.at.getTime()).sort()).toEqual([s(WINDOW_S + 1), s(WINDOW_S + 1)]);
  });
});
