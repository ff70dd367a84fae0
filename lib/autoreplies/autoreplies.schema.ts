// Inputs of the auto-reply API (the Ultimate WhatsApp Gateway's /api/autoreplies, plus PATCH, GET /[id] and a tester).
import { z } from "zod";
import { MAX_REGEX_LENGTH } from "@/lib/autoreplies/compile-keyword";

export const MATCH_TYPES = ["EXACT", "CONTAINS", "REGEX"] as const;
export const REPLY_SCOPES = ["PRIVATE", "GROUPS", "BOTH"] as const;
export const REPLY_MEDIA_TYPES = ["image", "video", "audio", "document"] as const;
export const MAX_COOLDOWN_SECONDS = 7 * 24 * 3600;

const sessionIdField = z.string().trim().min(1, "is required").max(64);
const upper = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.enum(values, { error: `must be one of ${values.join(", ")}` }));

const ruleFields = {
  keyword: z.string().min(1, "must not be empty").max(1000, "must be at most 1000 characters"),
  matchType: upper(MATCH_TYPES),
  caseSensitive: z.boolean(),
  /** The reply text, or a media reply's caption; {{name}}, {{phone}} and {{message}} are filled in. */
  response: z.string().max(4096).nullable(),
  mediaUrl: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .max(4096)
    .nullable(),
  mediaId: z.string().trim().min(1).max(128).nullable(),
  mediaType: z.enum(REPLY_MEDIA_TYPES, { error: `must be one of ${REPLY_MEDIA_TYPES.join(", ")}` }).nullable(),
  /** Quote the incoming message in the reply. */
  quote: z.boolean(),
  /** Lower goes first; the first rule that matches answers. */
  priority: z.number().int().min(-1_000_000).max(1_000_000),
  scope: upper(REPLY_SCOPES),
  enabled: z.boolean(),
  cooldownSeconds: z.number().int().min(0).max(MAX_COOLDOWN_SECONDS, `must be at most ${MAX_COOLDOWN_SECONDS}`),
};

type RuleShape = {
  keyword?: string;
  matchType?: string;
  response?: string | null;
  mediaUrl?: string | null;
  mediaId?: string | null;
  mediaType?: string | null;
};

/** The checks that span fields; the regex itself is compiled (and refused) by the operation. */
function checkRule(rule: RuleShape, ctx: z.RefinementCtx, partial: boolean) {
  if (rule.matchType === "REGEX" && rule.keyword && rule.keyword.length > MAX_REGEX_LENGTH) {
    ctx.addIssue({ code: "custom", path: ["keyword"], message: `a REGEX pattern must be at most ${MAX_REGEX_LENGTH} characters` });
  }
  if (rule.mediaUrl && rule.mediaId) ctx.addIssue({ code: "custom", path: ["mediaUrl"], message: "give mediaUrl or mediaId, not both" });
  if ((rule.mediaUrl || rule.mediaId) && !rule.mediaType)
    ctx.addIssue({ code: "custom", path: ["mediaType"], message: "is required with mediaUrl or mediaId" });
  if (!partial && !rule.response?.trim() && !rule.mediaUrl && !rule.mediaId) {
    ctx.addIssue({ code: "custom", path: ["response"], message: "is required (or a media reply: mediaUrl or mediaId)" });
  }
}

export const createAutoReplySchema = z
  .strictObject({
    /** Null or absent: every session of the owner (owners only). */
    sessionId: sessionIdField.nullable().optional(),
    keyword: ruleFields.keyword,
    matchType: ruleFields.matchType.optional(),
    caseSensitive: ruleFields.caseSensitive.optional(),
    response: ruleFields.response.optional(),
    mediaUrl: ruleFields.mediaUrl.optional(),
    mediaId: ruleFields.mediaId.optional(),
    mediaType: ruleFields.mediaType.optional(),
    quote: ruleFields.quote.optional(),
    priority: ruleFields.priority.optional(),
    scope: ruleFields.scope.optional(),
    enabled: ruleFields.enabled.optional(),
    cooldownSeconds: ruleFields.cooldownSeconds.optional(),
  })
  .superRefine((rule, ctx) => checkRule(rule, ctx, false));
export type CreateAutoReplyInput = z.output<typeof createAutoReplySchema>;

export const updateAutoReplySchema = z
  .strictObject({
    sessionId: sessionIdField.nullable().optional(),
    keyword: ruleFields.keyword.optional(),
    matchType: ruleFields.matchType.optional(),
    caseSensitive: ruleFields.caseSensitive.optional(),
    response: ruleFields.response.optional(),
    mediaUrl: ruleFields.mediaUrl.optional(),
    mediaId: ruleFields.mediaId.optional(),
    mediaType: ruleFields.mediaType.optional(),
    quote: ruleFields.quote.optional(),
    priority: ruleFields.priority.optional(),
    scope: ruleFields.scope.optional(),
    enabled: ruleFields.enabled.optional(),
    cooldownSeconds: ruleFields.cooldownSeconds.optional(),
  })
  .superRefine((rule, ctx) => checkRule(rule, ctx, true));
export type UpdateAutoReplyInput = z.output<typeof updateAutoReplySchema>;

export const autoReplyListQuery = z.object({ sessionId: sessionIdField.optional() });
export const autoReplyParams = z.object({ id: z.string().trim().min(1).max(64) });

/** POST /api/autoreplies/test: which rule would answer this message, and with what. */
export const testAutoReplySchema = z.strictObject({
  sessionId: sessionIdField.optional(),
  text: z.string().min(1, "must not be empty").max(65_536),
  /** Where the message comes from: decides scope and fills {{name}}/{{phone}}. */
  from: z.string().trim().max(128).optional(),
  name: z.string().max(256).optional(),
  isGroup: z.boolean().optional(),
});
export type TestAutoReplyInput = z.output<typeof testAutoReplySchema>;
