// The gap before a campaign's next recipient: a random delay between minDelayMs and maxDelayMs, or
// delayMs plus up to jitterMs. The session's own pacing applies on top (lib/messages/pacing.ts).
import type { CampaignSettings } from "@/lib/campaigns/campaigns.schema";

export function campaignGapMs(settings: CampaignSettings, random: () => number = Math.random): number {
  if (settings.minDelayMs !== undefined || settings.maxDelayMs !== undefined) {
    const min = settings.minDelayMs ?? 0;
    const max = Math.max(min, settings.maxDelayMs ?? min);
    return Math.round(min + random() * (max - min));
  }
  return Math.round((settings.delayMs ?? 0) + random() * (settings.jitterMs ?? 0));
}
