import { z } from "zod";
import { KEY_SCOPES } from "@/lib/api-keys/key-scopes";

export const apiKeyIdParams = z.object({ id: z.string().trim().min(1).max(64) });

const keyName = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");
/** Sessions by public sessionId or id; resolved within the caller's own reach at write time. */
const keySessions = z.array(z.string().trim().min(1).max(64)).max(100, "must list at most 100 sessions");
const keyScopes = z.array(z.enum(KEY_SCOPES)).min(1, "must list at least one scope (omit it for all)").max(KEY_SCOPES.length);
const keyExpiry = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 date-time" })
  .refine((v) => new Date(v).getTime() > Date.now(), "must be in the future");

export const createNamedApiKeySchema = z.strictObject({
  name: keyName,
  /** Omit for every session the user reaches; a list (even one session) restricts the key to them. */
  sessions: keySessions.optional(),
  /** Omit for everything the user's role allows. */
  scopes: keyScopes.optional(),
  expiresAt: keyExpiry.nullable().optional(),
});
export type CreateNamedApiKeyInput = z.infer<typeof createNamedApiKeySchema>;

export const updateApiKeySchema = z
  .strictObject({
    name: keyName.optional(),
    /** null lifts the restriction. */
    sessions: keySessions.nullable().optional(),
    scopes: keyScopes.nullable().optional(),
    expiresAt: keyExpiry.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "nothing to update");
export type UpdateApiKeyInput = z.infer<typeof updateApiKeySchema>;
