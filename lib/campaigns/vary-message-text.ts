// VARIATION CALL SITE — the one place a campaign's template is varied per recipient (before its
// fields are filled in: the engine keeps {{placeholders}} as they are).
// The engine (spintax, synonyms, emojis, shuffle; deterministic per seed) is lib/variation/ of the
// automation issue, on its own branch (`varyMessage(text, aiModifications, seed)` in
// lib/variation/vary-message.ts); it is not on this branch yet, so this returns the text unchanged.
// At merge, replace the marked line with:
//   return varyMessage(text, toAiModifications(variation), seed);
// (and import it). There is deliberately no second variation engine here.
import type { CampaignSettings } from "@/lib/campaigns/campaigns.schema";

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
  void seed;
  return text; // ← replace with the lib/variation/ call (see above)
}
