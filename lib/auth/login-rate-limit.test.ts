import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as RateLimit from "@/lib/auth/login-rate-limit";

let limiter: typeof RateLimit;
const WINDOW_S = 60;
beforeAll(async () => {
  // lib/env.ts parses process.env on first use and needs the secrets to be valid.
  vi.stubEnv("AUTH_SECRET", "a".repeat(32));
  vi.stubEnv("APP_SECRET", "b".repeat(32));
  vi.stubEnv("LOGIN_MAX_ATTEMPTS_PER_ACCOUNT", "3");
  vi.stubEnv("LOGIN_MAX_ATTEMPTS_PER_IP", "5");
  vi.stubEnv("LOGIN_WINDOW_SECONDS", String(WINDOW_S));
  limiter = await import("@/lib/auth/login-rate-limit");
});
beforeEach(() => {
  // The counters live on globalThis (one gateway process); start every test from none.
  (globalThis as { __wagateLoginFailures?: Map<string, unknown> }).__wagateLoginFailures?.clear();
});

const T0 = 1_700_000_000_000;
const s = (seconds: number) => T0 + seconds * 1000;

describe("login rate limit", () => {
  it("locks an account from the address that guessed, not from every address", () => {
    const { loginRetryAfter, recordLoginFailure } = limiter;
    expect(loginRetryAfter("alice", "1.1.1.1", s(0))).toBe(0);
    for (const t of [0, 10, 20]) recordLoginFailure("alice", "1.1.1.1", s(t));
    // Third failure from 1.1.1.1: that address waits until the oldest failure leaves the window…
    expect(loginRetryAfter("alice", "1.1.1.1", s(21))).toBe(WINDOW_S - 21);
    // …while the real user, elsewhere, still gets in: guessing is not a denial of service.
    expect(loginRetryAfter("alice", "9.9.9.9", s(21))).toBe(0);
    expect(loginRetryAfter("bob", "1.1.1.1", s(21))).toBe(0);
  });

  it("failures spread over addresses lock none of them", () => {
    const { loginRetryAfter, recordLoginFailure } = limiter;
    for (let i = 0; i < 4; i++) recordLoginFailure("root", `10.0.0.${i}`, s(i));
    expect(loginRetryAfter("root", "10.0.0.9", s(5))).toBe(0);
    for (let i = 0; i < 4; i++) expect(loginRetryAfter("root", `10.0.0.${i}`, s(5))).toBe(0);
  });

  it("is a sliding window: the block lifts as the oldest failure expires", () => {
    const { loginRetryAfter, recordLoginFailure } = limiter;
    for (const t of [0, 30, 40]) recordLoginFailure("carol", "x", s(t));
    expect(loginRetryAfter("carol", "x", s(59))).toBe(1);
    expect(loginRetryAfter("carol", "x", s(60))).toBe(0);
    // Two failures remain in the window: one more blocks again, until the one at 30 s expires.
    recordLoginFailure("carol", "x", s(61));
    expect(loginRetryAfter("carol", "x", s(62))).toBe(30 + WINDOW_S - 62);
  });

  it("treats the account name case- and space-insensitively", () => {
    const { loginRetryAfter, recordLoginFailure } = limiter;
    recordLoginFailure("Dave", "a", s(0));
    recordLoginFailure(" dave ", "a", s(1));
    recordLoginFailure("DAVE", "a", s(2));
    expect(loginRetryAfter("dave", "a", s(3))).toBeGreaterThan(0);
  });

  it("blocks an address that sprays many accounts, for every account", () => {
    const { loginRetryAfter, recordLoginFailure } = limiter;
    for (let i = 0; i < 5; i++) recordLoginFailure(`user${i}`, "6.6.6.6", s(i));
    expect(loginRetryAfter("someone-new", "6.6.6.6", s(5))).toBe(WINDOW_S - 5);
    expect(loginRetryAfter("someone-new", "7.7.7.7", s(5))).toBe(0);
  });

  it("a success clears the account's counter at that address but not the address's own", () => {
    const { loginRetryAfter, recordLoginFailure, recordLoginSuccess } = limiter;
    for (let i = 0; i < 2; i++) recordLoginFailure("erin", "5.5.5.5", s(i));
    recordLoginSuccess("erin", "5.5.5.5");
    recordLoginFailure("erin", "5.5.5.5", s(3));
    recordLoginFailure("erin", "5.5.5.5", s(4));
    expect(loginRetryAfter("erin", "5.5.5.5", s(5)), "account: 2 failures since the success").toBe(0);
    recordLoginFailure("frank", "5.5.5.5", s(6));
    expect(loginRetryAfter("anyone", "5.5.5.5", s(7)), "address: 5 failures in the window").toBeGreaterThan(0);
  });

  it("sign-up conflicts spend the address's budget, which then also stops sign-ins from it", () => {
    const { addressRetryAfter, loginRetryAfter, recordAddressFailure } = limiter;
    for (let i = 0; i < 4; i++) recordAddressFailure("8.8.4.4", s(i));
    expect(addressRetryAfter("8.8.4.4", s(4))).toBe(0);
    recordAddressFailure("8.8.4.4", s(4));
    expect(addressRetryAfter("8.8.4.4", s(5))).toBe(WINDOW_S - 5);
    expect(loginRetryAfter("anyone", "8.8.4.4", s(5))).toBe(WINDOW_S - 5);
    expect(addressRetryAfter("8.8.8.8", s(5))).toBe(0);
  });

  it("never answers a wait of 0 while blocked, nor longer than the window", () => {
    const { loginRetryAfter, recordLoginFailure } = limiter;
    for (let i = 0; i < 3; i++) recordLoginFailure("gina", "g", s(0) + i);
    for (const t of [0.5, 1, 30, 59.999]) {
      const wait = loginRetryAfter("gina", "g", s(t));
      expect(wait, `at ${t} s`).toBeGreaterThanOrEqual(1);
      expect(wait, `at ${t} s`).toBeLessThanOrEqual(WINDOW_S);
    }
  });
});
