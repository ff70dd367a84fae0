// Chatery's request bodies for its compatibility door under /api/whatsapp/…, one zod schema each,
// built from the messaging fields so both APIs validate a session, a recipient or a URL alike.
import { z } from "zod";
import { mediaUrlField } from "@/lib/media/media.schema";
import { messageIdField, pollOptionsField, PRESENCES, recipientField, sessionIdField, typingTimeField } from "@/lib/messages/messages.schema";
import { connectSessionSchema } from "@/lib/sessions/sessions.schema";
import { removeSessionWebhookSchema, sessionWebhookSchema } from "@/lib/webhooks/webhooks.schema";

const chaterySend = {
  sessionId: sessionIdField,
  /** Phone number (628xxx) or group ID (xxx@g.us). */
  chatId: recipientField,
  typingTime: typingTimeField.optional(),
  replyTo: messageIdField.nullable().optional(),
};

export const chaterySendTextSchema = z.strictObject({ ...chaterySend, message: z.string().min(1, "must not be empty").max(65_536) });
export const chaterySendImageSchema = z.strictObject({ ...chaterySend, imageUrl: mediaUrlField, caption: z.string().max(4096).optional() });
export const chaterySendDocumentSchema = z.strictObject({
  ...chaterySend,
  documentUrl: mediaUrlField,
  filename: z.string().trim().min(1, "is required").max(255),
  mimetype: z.string().trim().max(127).optional(),
  caption: z.string().max(4096).optional(),
});
export const chaterySendAudioSchema = z.strictObject({ ...chaterySend, audioUrl: mediaUrlField, ptt: z.boolean().optional() });
export const chaterySendLocationSchema = z.strictObject({
  ...chaterySend,
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  name: z.string().max(256).optional(),
});
export const chaterySendContactSchema = z.strictObject({
  ...chaterySend,
  contactName: z.string().trim().min(1, "is required").max(256),
  contactPhone: z.string().trim().min(1, "is required").max(32),
});
export const chaterySendPollSchema = z.strictObject({
  ...chaterySend,
  question: z.string().trim().min(1, "is required").max(256),
  options: pollOptionsField,
  selectableCount: z.number().int().min(0).max(12).optional(),
});
/** Deprecated by WhatsApp; sent as a text listing the buttons as numbered lines. */
export const chaterySendButtonSchema = z.strictObject({
  ...chaterySend,
  text: z.string().trim().min(1, "is required").max(4096),
  footer: z.string().max(1024).optional(),
  buttons: z.array(z.string().trim().min(1).max(100)).min(1, "must not be empty").max(12, "must have at most 12 buttons"),
});
export const chateryPresenceSchema = z.strictObject({ sessionId: sessionIdField, chatId: recipientField, presence: z.enum(PRESENCES) });
export const chateryPhoneSchema = z.strictObject({ sessionId: sessionIdField, phone: z.string().trim().min(1, "is required").max(64) });
export const chateryOverviewSchema = z.strictObject({
  sessionId: sessionIdField,
  limit: z.number().int().min(1).max(1000).optional(),
  offset: z.number().int().min(0).optional(),
  type: z.enum(["all", "personal", "group"]).optional(),
});
export const chateryContactsSchema = z.strictObject({
  sessionId: sessionIdField,
  limit: z.number().int().min(1).max(1000).optional(),
  offset: z.number().int().min(0).optional(),
  search: z.string().trim().max(100).optional(),
});
export const chateryMessagesSchema = z.strictObject({
  sessionId: sessionIdField,
  chatId: recipientField,
  limit: z.number().int().min(1).max(200).optional(),
  cursor: z.string().trim().max(200).nullable().optional(),
});
export const chateryChatSchema = z.strictObject({ sessionId: sessionIdField, chatId: recipientField });

// --- Chatery's session paths (issue 14) ---------------------------------------------------------

export const chaterySessionParams = z.object({ sessionId: sessionIdField });
/** POST /sessions/:sessionId/connect and PATCH /sessions/:sessionId/config. */
export const chateryConnectSchema = connectSessionSchema;
export const chateryConfigSchema = connectSessionSchema.refine((v) => v.metadata !== undefined || v.webhooks !== undefined, "metadata or webhooks is required");
export const chateryAddWebhookSchema = sessionWebhookSchema;
export const chateryRemoveWebhookSchema = removeSessionWebhookSchema;
