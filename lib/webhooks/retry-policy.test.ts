import { describe, expect, it } from "vitest";
import { classifyAttempt, jitteredDelayMs, nextDeliveryState, retryDelayMs, retrySchedule } from "@/lib/webhooks/retry-policy";

describe("retry classification", () => {
  it.each([200, 201, 204, 299])("%i is delivered", (code) => expect(classifyAttempt(code)).toEqual({ kind: "delivered" }));
  it.each([400, 401, 403, 404, 405, 410, 413, 422, 499])("%i is rejected for good", (code) => expect(classifyAttempt(code)).toEqual({ kind: "rejected" }));
  it.each([408, 429, 500, 502, 503, 504, 301, 100])("%i is retried", (code) => expect(classifyAttempt(code)).toEqual({ kind: "retry" }));
  it("no answer (refused, reset, timeout) is retried", () => expect(classifyAttempt(null)).toEqual({ kind: "retry" }));
});

describe("backoff schedule", () => {
  it("doubles from the base and stops growing after eleven doublings", () => {
    expect([1, 2, 3, 4, 12, 13, 20].map((n) => retryDelayMs(n, 10_000))).toEqual([10_000, 20_000, 40_000, 80_000, 20_480_000, 20_480_000, 20_480_000]);
  });

  it("spans about a day with the defaults (10 s base, 15 attempts)", () => {
    const schedule = retrySchedule({ baseMs: 10_000, maxAttempts: 15 });
    expect(schedule).toHaveLength(14);
    const hours = schedule.reduce((a, b) => a + b, 0) / 3_600_000;
    expect(hours).toBeGreaterThan(20);
    expect(hours).toBeLessThan(28);
  });

  it("jitters each wait by at most ±20%", () => {
    expect(jitteredDelayMs(3, 1000, 0)).toBe(3200);
    expect(jitteredDelayMs(3, 1000, 0.5)).toBe(4000);
    expect(jitteredDelayMs(3, 1000, 0.999999)).toBe(4800);
  });
});

describe("next delivery state", () => {
  const policy = { baseMs: 1000, maxAttempts: 3 };
  it("2xx → DELIVERED", () => expect(nextDeliveryState(1, 200, policy)).toEqual({ status: "DELIVERED" }));
  it("404 → DEAD after one attempt", () => expect(nextDeliveryState(1, 404, policy)).toEqual({ status: "DEAD", reason: "rejected" }));
  it("500 → FAILED with a backoff, then DEAD on the last attempt", () => {
    expect(nextDeliveryState(1, 500, policy, 0.5)).toEqual({ status: "FAILED", retryInMs: 1000 });
    expect(nextDeliveryState(2, null, policy, 0.5)).toEqual({ status: "FAILED", retryInMs: 2000 });
    expect(nextDeliveryState(3, 503, policy)).toEqual({ status: "DEAD", reason: "exhausted" });
  });
  it("429 and 408 are retried", () => {
    expect(nextDeliveryState(1, 429, policy).status).toBe("FAILED");
    expect(nextDeliveryState(1, 408, policy).status).toBe("FAILED");
  });
});
