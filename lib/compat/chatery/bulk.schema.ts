// Chatery's bulk-job bodies (POST /api/whatsapp/chats/send-bulk*, bulk-status, bulk-jobs).
import { z } from "zod";

export const CHATERY_MAX_BULK = 100;

const common = {
  sessionId: z.string().trim().min(1, "is required").max(64),
  recipients: z
    .array(z.string().trim().min(1, "is required").max(128))
    .min(1, "must not be empty")
    .max(CHATERY_MAX_BULK, `must have at most ${CHATERY_MAX_BULK} items`),
  /** ms between two recipients (Chatery's default: 1000). */
  delayBetweenMessages: z.number().int().min(0).max(3_600_000).default(1000),
  typingTime: z.number().int().min(0).max(60_000).default(0),
};
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(4096);

export const chaterySendBulkSchema = z.strictObject({ ...common, message: z.string().min(1, "must not be empty").max(65_536) });
export const chaterySendBulkImageSchema = z.strictObject({ ...common, imageUrl: httpUrl, caption: z.string().max(4096).optional() });
export const chaterySendBulkDocumentSchema = z.strictObject({
  ...common,
  documentUrl: httpUrl,
  filename: z.string().trim().min(1, "is required").max(255),
  mimetype: z.string().trim().max(127).default("application/pdf"),
});
export type ChaterySendBulk = z.output<typeof chaterySendBulkSchema>;
export type ChaterySendBulkImage = z.output<typeof chaterySendBulkImageSchema>;
export type ChaterySendBulkDocument = z.output<typeof chaterySendBulkDocumentSchema>;

export const chateryBulkStatusParams = z.object({ jobId: z.string().trim().min(1).max(64) });
export const chateryBulkJobsSchema = z.strictObject({ sessionId: z.string().trim().min(1, "is required").max(64) });
