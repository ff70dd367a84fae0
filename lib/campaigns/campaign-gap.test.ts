import { describe, expect, it } from "vitest";
import { campaignGapMs } from "@/lib/campaigns/campaign-gap";

describe("campaignGapMs", () => {
  it("picks between min and max, or delay plus jitter", () => {
    expect(campaignGapMs({ minDelayMs: 10_000, maxDelayMs: 20_000 }, () => 0)).toBe(10_000);
    expect(campaignGapMs({ minDelayMs: 10_000, maxDelayMs: 20_000 }, () => 0.5)).toBe(15_000);
    expect(campaignGapMs({ delayMs: 1000, jitterMs: 500 }, () => 1)).toBe(1500);
    expect(campaignGapMs({})).toBe(0);
  });
});
