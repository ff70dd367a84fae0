// Inputs of the status (stories) API: the primary API's POST /api/status/update, plus mediaId and recipients.
import { z } from "zod";

const sessionId = z.string().trim().min(1, "sessionId is required").max(64);

/** ARGB or RGB hex, written 0xAARRGGBB, #RRGGBB, #AARRGGBB or bare: kept as 8 hex digits. */
const color = z
  .string()
  .trim()
  .regex(/^(0x|#)?([0-9a-f]{6}|[0-9a-f]{8})$/i, "backgroundColor: must be a hex colour such as #1e90ff or 0xff1e90ff")
  .transform((v) => {
    const hex = v.replace(/^(0x|#)/i, "");
    return `#${(hex.length === 6 ? `ff${hex}` : hex).toLowerCase()}`;
  });

export const postStatusSchema = z
  .strictObject({
    sessionId,
    type: z.enum(["TEXT", "IMAGE", "VIDEO"]).default("TEXT"),
    content: z.string().max(4096, "content: at most 4096 characters").optional(),
    mediaUrl: z
      .url({ protocol: /^https?$/, error: "mediaUrl: must be an http(s) URL" })
      .max(2048)
      .optional(),
    mediaId: z.string().trim().min(1).max(64).optional(),
    backgroundColor: color.optional(),
    font: z.number().int().min(0, "font: 0–5").max(5, "font: 0–5").optional(),
    /** Who sees it: phone numbers or JIDs; default every stored contact of the session. */
    recipients: z.array(z.string().trim().min(1).max(64)).min(1).max(5000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.type === "TEXT" && !v.content?.trim()) ctx.addIssue({ code: "custom", path: ["content"], message: "content: required for a TEXT status" });
    if (v.type !== "TEXT" && !v.mediaUrl && !v.mediaId)
      ctx.addIssue({ code: "custom", path: ["mediaUrl"], message: `mediaUrl or mediaId: required for a ${v.type} status` });
    if (v.mediaUrl && v.mediaId) ctx.addIssue({ code: "custom", path: ["mediaId"], message: "mediaId: give mediaUrl or mediaId, not both" });
  });

export const listStatusesQuery = z.object({
  sessionId,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  fromMe: z.enum(["true", "false"]).optional(),
});

export type PostStatusInput = z.infer<typeof postStatusSchema>;
