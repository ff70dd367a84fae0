import { describe, expect, it } from "vitest";
import { backoffMs } from "@/lib/queue/backoff";

describe("backoffMs", () => {
  it("doubles from the base and stops at the cap", () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffMs(n, { baseMs: 2000, maxMs: 60_000 }))).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000]);
  });

  it("stops doubling after maxDoublings", () => {
    expect(backoffMs(20, { baseMs: 10, maxDoublings: 3 })).toBe(80);
    expect(backoffMs(-4, { baseMs: 10 })).toBe(10);
  });

  it("keeps equal jitter within [d/2, d] and full jitter within [0, d]", () => {
    expect(backoffMs(2, { baseMs: 100, jitter: "equal" }, () => 0)).toBe(200);
    expect(backoffMs(2, { baseMs: 100, jitter: "equal" }, () => 0.999999)).toBe(400);
    expect(backoffMs(2, { baseMs: 100, jitter: "full" }, () => 0)).toBe(0);
    expect(backoffMs(2, { baseMs: 100, jitter: "full" }, () => 0.5)).toBe(200);
  });

  it("spreads a ratio jitter around the delay", () => {
    expect(backoffMs(0, { baseMs: 1000, jitter: { ratio: 0.2 } }, () => 0)).toBe(800);
    expect(backoffMs(0, { baseMs: 1000, jitter: { ratio: 0.2 } }, () => 0.5)).toBe(1000);
    expect(backoffMs(0, { baseMs: 1000, jitter: { ratio: 0.2 } }, () => 0.999999)).toBe(1200);
  });
});
