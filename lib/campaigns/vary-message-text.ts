// VARIATION CALL SITE — the one place a campaign's text is varied per recipient.
// The engine (spintax, synonyms, emojis, shuffle; deterministic per seed) is lib/variation/, built
// by the automation issue on its own branch; it is not on this branch yet, so this returns the text
// unchanged. At merge: replace the body with the one call into lib/variation/ (and nothing else —
// there is deliberately no second variation engine here).
import type { CampaignSettings } from "@/lib/campaigns/campaigns.schema";

export function varyMessageText(text: string, variation: CampaignSettings["variation"], seed: string): string {
  if (!variation || variation.enabled === false) return text;
  void seed;
  return text;
}
