// Inputs of the opt-out list API.
import { z } from "zod";

export const addOptOutSchema = z.strictObject({
  phone: z.string().trim().min(1, "is required").max(128),
  reason: z.string().trim().max(500).optional(),
});
export type AddOptOutInput = z.output<typeof addOptOutSchema>;

export const optOutParams = z.object({ id: z.string().trim().min(1).max(64) });

export const listOptOutsQuery = z.object({
  search: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
