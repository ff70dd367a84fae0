// Per-session send pacing, because fast bursts get numbers banned: a minimum gap plus random jitter
// between two sends, and a cap per rolling minute. Pure: the send worker keeps one PacingState per
// session and asks it when the next send may go.
import { backoffMs } from "@/lib/queue/backoff";
import type { SessionConfig } from "@/lib/sessions/sessions.schema";

export interface PacingSettings {
  enabled: boolean;
  minGapMs: number;
  jitterMs: number;
  maxPerMinute: number;
}

export type PacingDefaults = Omit<PacingSettings, "enabled">;

/** The session's own pacing config over the PACING_* defaults; `enabled: false` turns it off. */
export function resolvePacing(config: SessionConfig["pacing"] | undefined, defaults: PacingDefaults): PacingSettings {
  return {
    enabled: config?.enabled ?? true,
    minGapMs: config?.minGapMs ?? defaults.minGapMs,
    jitterMs: config?.jitterMs ?? defaults.jitterMs,
    maxPerMinute: config?.maxPerMinute ?? defaults.maxPerMinute,
  };
}

const MINUTE_MS = 60_000;

export class PacingState {
  /** Send times within the last minute, oldest first. */
  private recent: number[] = [];
  /** The last send and the jitter drawn for the gap after it (drawn once, so the answer is stable). */
  private last: { at: number; jitter: number } | null = null;

  constructor(private readonly random: () => number = Math.random) {}

  /** When the next send may go, given the settings in force now (they may change between sends). */
  nextAllowedAt(now: number, settings: PacingSettings): number {
    if (!settings.enabled) return now;
    this.forget(now);
    let at = now;
    if (this.last) at = Math.max(at, this.last.at + settings.minGapMs + Math.min(this.last.jitter, settings.jitterMs));
    if (this.recent.length >= settings.maxPerMinute) {
      // The send that must leave the window before another one fits in it.
      at = Math.max(at, this.recent[this.recent.length - settings.maxPerMinute] + MINUTE_MS);
    }
    return at;
  }

  /** A send went out at `at`. */
  record(at: number, settings: PacingSettings): void {
    this.recent.push(at);
    this.forget(at);
    this.last = { at, jitter: Math.floor(this.random() * (settings.jitterMs + 1)) };
  }

  private forget(now: number) {
    while (this.recent.length && this.recent[0] <= now - MINUTE_MS) this.recent.shift();
  }
}

/** Exponential backoff between attempts of one send: 2 s, 4 s, 8 s, … capped at a minute. */
export function sendRetryDelayMs(attempt: number, baseMs = 2000, maxMs = 60_000): number {
  return backoffMs(attempt - 1, { baseMs, maxMs });
}
