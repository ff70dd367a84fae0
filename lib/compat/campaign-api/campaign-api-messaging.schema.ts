// The Campaign API's (/api/v1) session, webhook, media and message bodies, as its document writes
// them. (Its campaign and recipient-list bodies are in campaign-api.schema.ts.)
import { z } from "zod";
import { MAX_BATCH, messageIdField, recipientField, sessionIdField } from "@/lib/messages/messages.schema";

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(4096);

/** POST /api/v1/sessions: the new session's id, which is also its name. */
export const v1CreateSessionSchema = z.strictObject({
  sessionId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{3,32}$/, "must be 3–32 characters: letters, digits, underscore or dash"),
});

export const v1SessionParams = z.object({ sessionId: sessionIdField });
export const v1SessionQuery = z.object({ sessionId: sessionIdField });

export const v1SetWebhookSchema = z.strictObject({ sessionId: sessionIdField, url: httpUrl });
export const v1DeleteWebhookSchema = z.strictObject({ sessionId: sessionIdField });

const oneOf = (m: { link?: string; id?: string }) => (m.link === undefined) !== (m.id === undefined);
const linkOrId = { link: httpUrl.optional(), id: z.string().trim().min(1).max(128).optional() };
const v1Image = z.strictObject({ ...linkOrId, caption: z.string().max(4096).optional() }).refine(oneOf, "must have exactly one of link or id");
const v1Document = z
  .strictObject({
    ...linkOrId,
    mimetype: z.string().trim().max(127).optional(),
    filename: z.string().trim().min(1).max(255).optional(),
    caption: z.string().max(4096).optional(),
  })
  .refine(oneOf, "must have exactly one of link or id");

/** One message of POST /api/v1/messages. */
export const v1MessageSchema = z
  .strictObject({
    recipient_type: z.enum(["individual", "group"]),
    to: recipientField,
    type: z.enum(["text", "image", "document"]),
    text: z.strictObject({ body: z.string().min(1, "must not be empty").max(65_536) }).optional(),
    image: v1Image.optional(),
    document: v1Document.optional(),
  })
  .superRefine((m, ctx) => {
    if (!m[m.type]) ctx.addIssue({ code: "custom", path: [m.type], message: `is required when type is ${m.type}` });
    for (const other of ["text", "image", "document"] as const) {
      if (other !== m.type && m[other] !== undefined) ctx.addIssue({ code: "custom", path: [other], message: `only goes with type ${other}` });
    }
  });
export type V1MessageInput = z.output<typeof v1MessageSchema>;

const v1BatchSchema = z.array(v1MessageSchema).min(1, "must not be empty").max(MAX_BATCH, `must have at most ${MAX_BATCH} items`);

/** One message (an object) or a batch (an array): chosen by shape, so an error names the field inside it. */
export const v1MessagesBodySchema = z.unknown().transform((value, ctx): V1MessageInput | V1MessageInput[] => {
  const parsed = Array.isArray(value) ? v1BatchSchema.safeParse(value) : v1MessageSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  return z.NEVER;
});
export type V1MessagesBody = z.output<typeof v1MessagesBodySchema>;

export const v1DeleteMessageSchema = z.strictObject({ sessionId: sessionIdField, remoteJid: recipientField, messageId: messageIdField });

/** The same body as the OpenAPI document shows it (the parser above picks the branch by shape). */
export const v1MessagesDocSchema = z.union([v1MessageSchema, v1BatchSchema]);
