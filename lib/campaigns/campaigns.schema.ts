// Every input of the bulk-sending API — campaigns, their settings and recipients — one zod schema
// each, shared by the routes, the compatibility doors, the dashboard and the OpenAPI document.
import { z } from "zod";
import { messageContentSchema } from "@/lib/messages/messages.schema";

/** Largest campaign created in one request (inline recipients plus lists). */
export const MAX_CAMPAIGN_RECIPIENTS = 50_000;
export const CAMPAIGN_STATUSES = ["draft", "scheduled", "running", "paused", "completed", "cancelled", "failed"] as const;
export const RECIPIENT_STATUSES = ["pending", "queued", "sent", "delivered", "read", "failed", "skipped"] as const;

const fieldValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);

/**
 * One recipient: a number (`number`, `phone` or `jid`) and any template fields (`name`, `company`,
 * `companyName`, …), as the Campaign API writes them. A plain string is a number without fields.
 */
export const recipientInputSchema = z.union([
  z.string().trim().min(1, "is required").max(128),
  z
    .object({
      number: z.string().trim().min(1).max(128).optional(),
      phone: z.string().trim().min(1).max(128).optional(),
      jid: z.string().trim().min(1).max(128).optional(),
    })
    .catchall(fieldValue)
    .refine((r) => r.number ?? r.phone ?? r.jid, "must have a number (number, phone or jid)"),
]);
export type RecipientInput = z.output<typeof recipientInputSchema>;

/** Variation options, applied per recipient through lib/variation (the automation issue's engine). */
export const variationSchema = z.strictObject({
  enabled: z.boolean().default(true),
  spintax: z.boolean().optional(),
  synonyms: z.boolean().optional(),
  emojis: z.boolean().optional(),
  shuffle: z.boolean().optional(),
  /** Seed for deterministic variation (default: the recipient's id). */
  seed: z.string().max(100).optional(),
});

export const campaignSettingsSchema = z
  .strictObject({
    /** Gap between two recipients, in ms, plus up to `jitterMs` at random. */
    delayMs: z.number().int().min(0).max(3_600_000).optional(),
    jitterMs: z.number().int().min(0).max(3_600_000).optional(),
    /** Or a random gap between these two (Ultimate WhatsApp Gateway's broadcast: 10–20 s). */
    minDelayMs: z.number().int().min(0).max(3_600_000).optional(),
    maxDelayMs: z.number().int().min(0).max(3_600_000).optional(),
    /** A failed recipient is tried again this many times (each a new send through the queue). */
    maxRetries: z.number().int().min(0).max(10).optional(),
    typingTime: z.number().int().min(0).max(60_000).optional(),
    variation: variationSchema.optional(),
  })
  .refine((s) => s.minDelayMs === undefined || s.maxDelayMs === undefined || s.minDelayMs <= s.maxDelayMs, {
    message: "must not be less than minDelayMs",
    path: ["maxDelayMs"],
  });
export type CampaignSettings = z.output<typeof campaignSettingsSchema>;

/** A campaign's message: text, or media with a caption (text and caption are templates). */
export const campaignMessageSchema = messageContentSchema.refine(
  (m) => m.kind === "text" || (m.kind === "media" && m.mediaType !== "sticker"),
  "must be a text, image, video, audio or document message",
);
export type CampaignMessage = z.output<typeof campaignMessageSchema>;

const idField = z.string().trim().min(1).max(64);

export const createCampaignSchema = z
  .strictObject({
    name: z.string().trim().min(1, "is required").max(200),
    /** The session to send through; default: the caller's oldest (lib/sessions/get-default-session.ts). */
    sessionId: idField.optional(),
    message: campaignMessageSchema,
    recipients: z.array(recipientInputSchema).max(MAX_CAMPAIGN_RECIPIENTS, `must have at most ${MAX_CAMPAIGN_RECIPIENTS} items`).optional(),
    /** Recipient lists to add (after the inline recipients; duplicates are dropped). */
    listIds: z.array(idField).max(50).optional(),
    scheduledAt: z.coerce.date().optional(),
    settings: campaignSettingsSchema.optional(),
    /** Start at once (otherwise a draft, or scheduled when scheduledAt is given). */
    start: z.boolean().optional(),
  })
  .refine((c) => (c.recipients?.length ?? 0) > 0 || (c.listIds?.length ?? 0) > 0, {
    message: "must not be empty (give recipients, listIds or both)",
    path: ["recipients"],
  });
export type CreateCampaignInput = z.output<typeof createCampaignSchema>;

export const campaignParams = z.object({ id: idField });

export const listCampaignsQuery = z.object({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  sessionId: idField.optional(),
  search: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListCampaignsQuery = z.output<typeof listCampaignsQuery>;

export const listRecipientsQuery = z.object({
  status: z.enum(RECIPIENT_STATUSES).optional(),
  /** Matches the number or any field value. */
  search: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListRecipientsQuery = z.output<typeof listRecipientsQuery>;

export const campaignStatsQuery = z.object({
  /** Width of a time-series bucket, in seconds (default: chosen from the campaign's length). */
  bucket: z.coerce.number().int().min(1).max(86_400).optional(),
});

export const campaignActionParams = z.object({ id: idField });

/** What the wizard previews: the message for a few recipients. */
export const previewCampaignSchema = z.strictObject({
  message: campaignMessageSchema,
  recipients: z.array(recipientInputSchema).max(50).default([]),
});

// --- POST /api/messages/broadcast (the Ultimate WhatsApp Gateway's broadcast) --------------------

export const broadcastSchema = z.strictObject({
  sessionId: idField,
  recipients: z
    .array(z.string().trim().min(1, "is required").max(128))
    .min(1, "must not be empty")
    .max(MAX_CAMPAIGN_RECIPIENTS, `must have at most ${MAX_CAMPAIGN_RECIPIENTS} items`),
  message: z.string().min(1, "must not be empty").max(65_536),
  /** Gap between recipients in ms; without it, a random 10–20 s gap (the documented default). */
  delay: z.number().int().min(0).max(3_600_000).optional(),
});
export type BroadcastInput = z.output<typeof broadcastSchema>;
