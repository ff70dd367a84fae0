// The Campaign API's (/api/v1) campaign and recipient-list bodies, as its document writes them.
import { z } from "zod";
import { MAX_CAMPAIGN_RECIPIENTS, recipientInputSchema } from "@/lib/campaigns/campaigns.schema";

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(4096);

export const v1MessageSchema = z
  .object({
    type: z.enum(["text", "image", "document"]).default("text"),
    /** The text (a template), or the caption of an image or document. */
    content: z.string().max(65_536).optional(),
    /** Media: a link, or an id from POST /api/media. */
    link: httpUrl.optional(),
    mediaUrl: httpUrl.optional(),
    url: httpUrl.optional(),
    id: z.string().trim().min(1).max(128).optional(),
    mediaId: z.string().trim().min(1).max(128).optional(),
    filename: z.string().trim().min(1).max(255).optional(),
    mimetype: z.string().trim().max(127).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.type === "text" && !m.content?.trim()) ctx.addIssue({ code: "custom", path: ["content"], message: "is required for a text message" });
    if (m.type !== "text" && !(m.link ?? m.mediaUrl ?? m.url ?? m.id ?? m.mediaId))
      ctx.addIssue({ code: "custom", path: ["link"], message: `is required for ${m.type} (link, mediaUrl or mediaId)` });
  });
export type V1Message = z.output<typeof v1MessageSchema>;

export const v1CreateCampaignSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(200),
  sessionId: z.string().trim().min(1).max(64).optional(),
  scheduledAt: z.coerce.date().optional(),
  message: v1MessageSchema,
  recipients: z.array(recipientInputSchema).max(MAX_CAMPAIGN_RECIPIENTS).optional(),
  /** Recipient lists to send to (ours; the Campaign API's dashboard picks lists the same way). */
  recipientListIds: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
  settings: z
    .object({
      delayBetweenMessages: z.number().int().min(0).max(3_600_000).optional(),
      maxRetries: z.number().int().min(0).max(10).optional(),
    })
    .optional(),
});
export type V1CreateCampaign = z.output<typeof v1CreateCampaignSchema>;

export const v1CampaignParams = z.object({ campaignId: z.string().trim().min(1).max(64) });
export const v1ListParams = z.object({ listId: z.string().trim().min(1).max(64) });
