// When a failed delivery is tried again, and which failures are worth trying again. Pure.
//
// Delays double from WEBHOOK_RETRY_BASE_MS and stop growing at base × 2^11; with the defaults
// (10 s, 15 attempts) the 14 waits are 10 s, 20 s, 40 s … 5.7 h, 5.7 h, 5.7 h: about 23 hours from
// the first attempt to the last. Each wait is jittered by ±20% so that receivers coming back from an
// outage are not hit by every delivery at the same instant.

import { backoffMs } from "@/lib/queue/backoff";

export const MAX_DOUBLINGS = 11;

export interface RetryPolicy {
  baseMs: number;
  maxAttempts: number;
}

/** The wait before attempt `attempt + 1`, after `attempt` (1-based) attempts failed, without jitter. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return backoffMs(attempt - 1, { baseMs, maxDoublings: MAX_DOUBLINGS });
}

/** The jittered wait; `random` in [0, 1). */
export function jitteredDelayMs(attempt: number, baseMs: number, random: number = Math.random()): number {
  return backoffMs(attempt - 1, { baseMs, maxDoublings: MAX_DOUBLINGS, jitter: { ratio: 0.2 } }, () => random);
}

/** The whole schedule without jitter: waits after attempts 1 … maxAttempts-1. */
export function retrySchedule(policy: RetryPolicy): number[] {
  return Array.from({ length: Math.max(policy.maxAttempts - 1, 0) }, (_, i) => retryDelayMs(i + 1, policy.baseMs));
}

export type AttemptOutcome =
  | { kind: "delivered" }
  /** The receiver refused the event itself: trying again would get the same answer. */
  | { kind: "rejected" }
  | { kind: "retry" };

/**
 * 2xx: delivered. 4xx other than 408 (timeout) and 429 (slow down): rejected for good. Everything
 * else — 3xx left over, 5xx, no answer, a refused connection, a timeout — is worth another try.
 */
export function classifyAttempt(statusCode: number | null): AttemptOutcome {
  if (statusCode === null) return { kind: "retry" };
  if (statusCode >= 200 && statusCode < 300) return { kind: "delivered" };
  if (statusCode >= 400 && statusCode < 500 && statusCode !== 408 && statusCode !== 429) return { kind: "rejected" };
  return { kind: "retry" };
}

export type NextState = { status: "DELIVERED" } | { status: "DEAD"; reason: "rejected" | "exhausted" } | { status: "FAILED"; retryInMs: number };

/** What a delivery becomes after its `attempt`-th attempt (1-based) ended with `statusCode`. */
export function nextDeliveryState(attempt: number, statusCode: number | null, policy: RetryPolicy, random: number = Math.random()): NextState {
  const outcome = classifyAttempt(statusCode);
  if (outcome.kind === "delivered") return { status: "DELIVERED" };
  if (outcome.kind === "rejected") return { status: "DEAD", reason: "rejected" };
  if (attempt >= policy.maxAttempts) return { status: "DEAD", reason: "exhausted" };
  return { status: "FAILED", retryInMs: jitteredDelayMs(attempt, policy.baseMs, random) };
}
