// The one place a campaign's template is varied per recipient (before its fields are filled in:
// the engine keeps {{placeholders}} as they are). The engine is lib/variation/ (spintax, synonyms,
// emojis, shuffle; deterministic per seed), shared with scheduled messages: no second engine here.
import type { CampaignSettings } from "@/lib/campaigns/campaigns.schema";
import { varyMessage } from "@/lib/variation/vary-message";

/** Our settings' names → the engine's (the Automation API's `aiModifications`). */
export function toAiModifications(variation: NonNullable<CampaignSettings["variation"]>) {
  return {
    spintax: variation.spintax ?? true,
    useSynonyms: variation.synonyms ?? false,
    addEmojis: variation.emojis ?? false,
    shuffleSentences: variation.shuffle ?? false,
  };
}

export function varyMessageText(text: string, variation: CampaignSettings["variation"], seed: string): string {
  if (!variation || variation.enabled === false) return text;
  return varyMessage(text, toAiModifications(variation), seed);
}
