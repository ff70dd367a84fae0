// Inputs of message variation: the Automation API's `aiModifications` (done locally, no outside
// service) plus spintax, and the preview endpoint's body.
import { z } from "zod";

export const MAX_PREVIEW_COUNT = 20;

export const aiModificationsSchema = z.strictObject({
  useSynonyms: z.boolean().optional(),
  addEmojis: z.boolean().optional(),
  /** Shuffles every sentence but the first (the greeting stays in front). */
  shuffleSentences: z.boolean().optional(),
  /** Resolves {a|b|c} choices (on unless false). */
  spintax: z.boolean().optional(),
});
export type AiModifications = z.output<typeof aiModificationsSchema>;

export const variationPreviewSchema = z.strictObject({
  text: z.string().min(1, "must not be empty").max(4096),
  aiModifications: aiModificationsSchema.optional(),
  count: z.number().int().min(1).max(MAX_PREVIEW_COUNT, `must be at most ${MAX_PREVIEW_COUNT}`).optional(),
  /** The same seed gives the same variants; default: a fixed one, so a preview is repeatable. */
  seed: z.string().max(200).optional(),
});
export type VariationPreviewInput = z.output<typeof variationPreviewSchema>;
