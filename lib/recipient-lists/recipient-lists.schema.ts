// Inputs of the recipient-list API (our /api/recipient-lists and the Campaign API's door).
import { z } from "zod";
import { MAX_CAMPAIGN_RECIPIENTS, recipientInputSchema } from "@/lib/campaigns/campaigns.schema";

const tags = z.array(z.string().trim().min(1).max(50)).max(50);

export const createRecipientListSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  tags: tags.optional(),
  recipients: z.array(recipientInputSchema).max(MAX_CAMPAIGN_RECIPIENTS).optional(),
});
export type CreateRecipientListInput = z.output<typeof createRecipientListSchema>;

/** Every field optional; `recipients` replaces the list's recipients. */
export const updateRecipientListSchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(200).optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  tags: tags.optional(),
  recipients: z.array(recipientInputSchema).max(MAX_CAMPAIGN_RECIPIENTS).optional(),
});
export type UpdateRecipientListInput = z.output<typeof updateRecipientListSchema>;

export const cloneRecipientListSchema = z.strictObject({ newName: z.string().trim().min(1, "is required").max(200) });

export const recipientListParams = z.object({ id: z.string().trim().min(1).max(64) });

export const listRecipientListsQuery = z.object({
  /** Matches the name or the description. */
  search: z.string().trim().max(200).optional(),
  tag: z.string().trim().max(50).optional(),
});

export const getRecipientListQuery = z.object({
  /** Entries to include (the Campaign API includes them all). */
  limit: z.coerce.number().int().min(0).max(MAX_CAMPAIGN_RECIPIENTS).default(MAX_CAMPAIGN_RECIPIENTS),
  offset: z.coerce.number().int().min(0).default(0),
  search: z.string().trim().max(200).optional(),
});

export const importCsvQuery = z.object({
  /** append (default) adds to the list; replace empties it first. */
  mode: z.enum(["append", "replace"]).default("append"),
  /** true: parse and report only (the import preview), nothing is written. */
  dryRun: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});
