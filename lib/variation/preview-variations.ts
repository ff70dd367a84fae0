import type { VariationPreviewInput } from "@/lib/variation/variation.schema";
import { varyMessages } from "@/lib/variation/vary-message";

const DEFAULT_COUNT = 5;

/** What `count` recipients would get: variant i is the one the i-th recipient of this seed gets. */
export function previewVariations(input: VariationPreviewInput) {
  const modifications = input.aiModifications ?? {};
  const seed = input.seed ?? "preview";
  return { variants: varyMessages(input.text, modifications, input.count ?? DEFAULT_COUNT, seed), seed };
}
