// The one backoff formula of the project: exponential growth from a base, an optional cap on the
// number of doublings and on the delay itself, and jitter so that things that failed together
// (a receiver's outage, a network blip dropping every session) do not all come back at the same
// instant. Pure; every caller keeps its own defaults:
//
//   lib/messages/pacing.ts             sendRetryDelayMs  a send's retries: 2 s, 4 s … ≤ 60 s, no jitter
//   lib/webhooks/retry-policy.ts       jitteredDelayMs   webhook retries: base × 2^min(n, 11), ±20 %
//   lib/whatsapp/reconnect-policy.ts   backoffDelay      reconnects: "equal" jitter, ≤ maxMs
//
// API
//   backoffMs(attempt, options, random?) → ms
//     attempt   0-based number of doublings to apply (the caller maps its 1-based attempt count).
//     options   { baseMs, maxMs?, maxDoublings?, jitter? }
//       jitter  "none" (default) | "equal" (half fixed, half random: [d/2, d]) | "full" ([0, d])
//               | { ratio: r } (d × [1 - r, 1 + r))
//     random    () => [0, 1); Math.random by default, injected by tests.
//   The cap (maxMs) applies before jitter, so "equal"/"full" never exceed it and { ratio } may
//   exceed it by at most the ratio.

export type Jitter = "none" | "equal" | "full" | { ratio: number };

export interface BackoffOptions {
  /** The first delay (attempt 0). */
  baseMs: number;
  /** The delay stops growing here (before jitter). */
  maxMs?: number;
  /** The delay stops growing after this many doublings. */
  maxDoublings?: number;
  jitter?: Jitter;
}

/** The delay before retrying after `attempt` doublings (0-based). */
export function backoffMs(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const doublings = Math.min(Math.max(0, Math.floor(attempt)), options.maxDoublings ?? 52);
  const exponential = Math.min(options.maxMs ?? Number.POSITIVE_INFINITY, options.baseMs * 2 ** doublings);
  const jitter = options.jitter ?? "none";
  if (jitter === "none") return exponential;
  if (jitter === "equal") return Math.round(exponential / 2 + random() * (exponential / 2));
  if (jitter === "full") return Math.round(random() * exponential);
  return Math.round(exponential * (1 - jitter.ratio + 2 * jitter.ratio * random()));
}
