// The Automation API's (WhatsApp Automation API) message bodies: send (multipart), schedule
// (JSON, with aiModifications) and the queue listing's query.
import { z } from "zod";
import { aiModificationsSchema } from "@/lib/variation/variation.schema";

const filePart = z.custom<File>((v) => v instanceof Blob && typeof (v as File).name === "string", { error: 'must be a file (multipart field "mediaFile")' });
const emptyIsAbsent = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const phoneId = z.string().trim().min(1, "is required").max(128);
const message = z.string().max(65_536);

/** POST /api/messages/send: phoneId, message, mediaFile?, scheduledTime? (multipart, or the same as JSON). */
export const automationSendSchema = z
  .strictObject({
    phoneId,
    message: emptyIsAbsent(message),
    mediaFile: emptyIsAbsent(filePart),
    scheduledTime: emptyIsAbsent(z.string().trim().max(64)),
  })
  .refine((b) => Boolean(b.message?.trim()) || b.mediaFile !== undefined, { path: ["message"], message: "is required (or a mediaFile)" });
export type AutomationSendInput = z.output<typeof automationSendSchema>;

/** POST /api/messages/schedule. */
export const automationScheduleSchema = z.strictObject({
  phoneId,
  message: message.min(1, "must not be empty"),
  scheduledTime: z.string().trim().min(1, "is required").max(64),
  aiModifications: aiModificationsSchema.optional(),
});
export type AutomationScheduleInput = z.output<typeof automationScheduleSchema>;

/** GET /api/messages/queue?page&limit. */
export const automationQueueQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  limit: z.coerce.number().int().min(1).max(100, "must be at most 100").optional(),
});
export type AutomationQueueQuery = z.output<typeof automationQueueQuery>;
