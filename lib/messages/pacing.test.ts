import { describe, expect, it } from "vitest";
import { PacingState, resolvePacing, sendRetryDelayMs, type PacingSettings } from "@/lib/messages/pacing";

const DEFAULTS = { minGapMs: 1500, jitterMs: 1500, maxPerMinute: 20 };
const settings = (over: Partial<PacingSettings> = {}): PacingSettings => ({ enabled: true, minGapMs: 1000, jitterMs: 0, maxPerMinute: 100, ...over });

describe("resolvePacing", () => {
  it("uses the defaults when the session sets nothing, and is on by default", () => {
    expect(resolvePacing(undefined, DEFAULTS)).toEqual({ enabled: true, ...DEFAULTS });
    expect(resolvePacing({}, DEFAULTS)).toEqual({ enabled: true, ...DEFAULTS });
  });

  it("lets each session override single fields or switch pacing off", () => {
    expect(resolvePacing({ minGapMs: 0, maxPerMinute: 5 }, DEFAULTS)).toEqual({ enabled: true, minGapMs: 0, jitterMs: 1500, maxPerMinute: 5 });
    expect(resolvePacing({ enabled: false }, DEFAULTS).enabled).toBe(false);
  });
});

describe("PacingState", () => {
  it("lets the first send go at once", () => {
    expect(new PacingState().nextAllowedAt(1000, settings())).toBe(1000);
  });

  it("keeps the minimum gap plus the jitter drawn after each send", () => {
    const draws = [0.5, 0];
    const state = new PacingState(() => draws.shift() ?? 0);
    const s = settings({ minGapMs: 1000, jitterMs: 400 });
    state.record(10_000, s);
    // jitter = floor(0.5 × 401) = 200, stable across repeated questions
    expect(state.nextAllowedAt(10_000, s)).toBe(11_200);
    expect(state.nextAllowedAt(10_500, s)).toBe(11_200);
    expect(state.nextAllowedAt(12_000, s)).toBe(12_000);
    state.record(12_000, s);
    expect(state.nextAllowedAt(12_000, s)).toBe(13_000);
  });

  it("draws jitter within [0, jitterMs]", () => {
    const s = settings({ minGapMs: 0, jitterMs: 300 });
    const low = new PacingState(() => 0);
    low.record(0, s);
    expect(low.nextAllowedAt(0, s)).toBe(0);
    const high = new PacingState(() => 0.999999);
    high.record(0, s);
    expect(high.nextAllowedAt(0, s)).toBe(300);
  });

  it("caps the sends per rolling minute", () => {
    const state = new PacingState(() => 0);
    const s = settings({ minGapMs: 0, maxPerMinute: 3 });
    for (const at of [0, 100, 200]) {
      expect(state.nextAllowedAt(at, s)).toBe(at);
      state.record(at, s);
    }
    // The fourth must wait until the first has left the window.
    expect(state.nextAllowedAt(300, s)).toBe(60_000);
    state.record(60_000, s);
    expect(state.nextAllowedAt(60_000, s)).toBe(60_100);
  });

  it("applies changed settings to the next question, and none when pacing is off", () => {
    const state = new PacingState(() => 0);
    state.record(0, settings({ minGapMs: 5000 }));
    expect(state.nextAllowedAt(0, settings({ minGapMs: 5000 }))).toBe(5000);
    expect(state.nextAllowedAt(0, settings({ minGapMs: 100 }))).toBe(100);
    expect(state.nextAllowedAt(0, settings({ enabled: false }))).toBe(0);
  });
});

describe("sendRetryDelayMs", () => {
  it("doubles from 2 s and stops at a minute", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => sendRetryDelayMs(n))).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
  });
});
