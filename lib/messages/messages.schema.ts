// Every input of the messaging API — Ultimate WhatsApp Gateway's sends and reads, and Chatery's compatibility
// bodies — one zod schema each, shared by the routes, the dashboard and the OpenAPI document.
import { z } from "zod";
import { MEDIA_KINDS, mediaRefSchema } from "@/lib/media/media.schema";

export const MAX_BATCH = 100;
export const PRESENCES = ["composing", "recording", "paused", "available", "unavailable"] as const;

/**
 * A union's own error says only "Invalid input"; this one names what went wrong inside the branch
 * the input was evidently meant for (chosen by `pick`), e.g. `2.message.text: …` in a batch.
 */
function branchError(pick: (input: unknown) => number, fallback: string) {
  return (issue: { code?: string; input?: unknown; errors?: Array<Array<{ path: PropertyKey[]; message: string }>> }) => {
    if (issue.code !== "invalid_union") return undefined;
    const inner = issue.errors?.[pick(issue.input)]?.[0];
    if (!inner) return fallback;
    return inner.path.length ? `${inner.path.map(String).join(".")}: ${inner.message}` : inner.message;
  };
}

// --- fields -------------------------------------------------------------------------------------

/** A session in a body or path: its public sessionId (Ultimate WhatsApp Gateway's "57xx1x") or its internal id. */
export const sessionIdField = z.string().trim().min(1, "is required").max(64);
/** A phone number in any common form or a JID; lib/messages/normalize-recipient.ts reads it. */
export const recipientField = z.string().trim().min(1, "is required").max(128);
/** A WhatsApp message id (Message.keyId), e.g. 3EB0B430A2B52B67D0. */
export const messageIdField = z.string().trim().min(1, "is required").max(128);
/** Typing (or recording) shown before the message goes, in ms (Chatery). */
export const typingTimeField = z.number().int().min(0).max(60_000, "must be at most 60000 ms");
/** A poll's options: 2 to 12 distinct texts. */
export const pollOptionsField = z
  .array(z.string().trim().min(1).max(100))
  .min(2, "must have at least 2 options")
  .max(12, "must have at most 12 options")
  .refine((values) => new Set(values).size === values.length, "must not repeat an option");
const limitField = (max: number) => z.coerce.number().int().min(1).max(max);

/** A message to react to: its id (looked up in the session's store) or a Baileys key. */
const messageKeySchema = z.union(
  [
    messageIdField,
    z.strictObject({
      id: messageIdField,
      remoteJid: recipientField.optional(),
      fromMe: z.boolean().optional(),
      participant: z.string().trim().max(128).optional(),
    }),
  ],
  { error: branchError((input) => (typeof input === "object" && input !== null ? 1 : 0), "must be a message id or a message key { id, remoteJid?, fromMe? }") },
);

// --- the message content (Baileys' shapes, Ultimate WhatsApp Gateway) ---------------------------------------------

const KINDS = ["text", ...MEDIA_KINDS, "location", "contacts", "contact", "poll", "react", "edit", "delete"] as const;

const contentFields = z.strictObject({
  text: z.string().min(1, "must not be empty").max(65_536).optional(),
  image: mediaRefSchema.optional(),
  video: mediaRefSchema.optional(),
  audio: mediaRefSchema.optional(),
  document: mediaRefSchema.optional(),
  sticker: mediaRefSchema.optional(),
  caption: z.string().max(4096).optional(),
  mimetype: z
    .string()
    .trim()
    .regex(/^[\w.+-]+\/[\w.+-]+(;.*)?$/, "must be a MIME type such as application/pdf")
    .max(127)
    .optional(),
  fileName: z.string().trim().min(1).max(255).optional(),
  /** Audio as a voice note. */
  ptt: z.boolean().optional(),
  location: z
    .strictObject({
      degreesLatitude: z.number().min(-90).max(90),
      degreesLongitude: z.number().min(-180).max(180),
      name: z.string().max(256).optional(),
      address: z.string().max(512).optional(),
    })
    .optional(),
  contacts: z
    .strictObject({
      displayName: z.string().trim().max(256).optional(),
      contacts: z
        .array(
          z.strictObject({
            vcard: z
              .string()
              .min(1)
              .max(20_000)
              .regex(/BEGIN:VCARD/i, "must be a vCard"),
            displayName: z.string().max(256).optional(),
          }),
        )
        .min(1)
        .max(50),
    })
    .optional(),
  /** The simpler card: a name and a phone number. */
  contact: z.strictObject({ name: z.string().trim().min(1).max(256), phone: z.string().trim().min(1).max(32) }).optional(),
  poll: z
    .strictObject({
      name: z.string().trim().min(1).max(256),
      values: pollOptionsField,
      selectableCount: z.number().int().min(0).max(12).optional(),
    })
    .refine((poll) => (poll.selectableCount ?? 1) <= poll.values.length, { message: "must not exceed the number of options", path: ["selectableCount"] })
    .optional(),
  /** Reacts to a message; an empty text removes the reaction. */
  react: z.strictObject({ key: messageKeySchema, text: z.string().max(32) }).optional(),
  /** Replaces the text of one of this session's own messages (with `text`). */
  edit: messageIdField.optional(),
  /** Deletes one of this session's messages for everyone (Campaign API). */
  delete: messageIdField.optional(),
});

type ContentFields = z.output<typeof contentFields>;

const field = contentFields.shape;

/**
 * The content after validation: one kind, with only the fields that kind uses. Built from the
 * fields above, so the normalised form cannot drift from what the API accepts.
 */
export const sendContentSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: field.text.unwrap() }),
  z.object({
    kind: z.literal("media"),
    mediaType: z.enum(MEDIA_KINDS),
    ref: mediaRefSchema,
    caption: field.caption,
    mimetype: field.mimetype,
    fileName: field.fileName,
    ptt: field.ptt,
  }),
  z.object({ kind: z.literal("location"), location: field.location.unwrap() }),
  z.object({ kind: z.literal("contacts"), ...field.contacts.unwrap().shape }),
  z.object({ kind: z.literal("contact"), ...field.contact.unwrap().shape }),
  z.object({ kind: z.literal("poll"), ...field.poll.unwrap().shape }),
  z.object({ kind: z.literal("react"), ...field.react.unwrap().shape }),
  z.object({ kind: z.literal("edit"), targetId: messageIdField, text: field.text.unwrap() }),
  z.object({ kind: z.literal("delete"), targetId: messageIdField }),
]);
export type SendContent = z.output<typeof sendContentSchema>;

function kindsOf(m: ContentFields): string[] {
  return KINDS.filter((k) => m[k] !== undefined && !(k === "text" && m.edit !== undefined));
}

export const messageContentSchema = contentFields
  .superRefine((m, ctx) => {
    const kinds = kindsOf(m);
    if (kinds.length === 0) {
      ctx.addIssue({ code: "custom", message: `must contain one of: ${KINDS.join(", ")}` });
      return;
    }
    if (kinds.length > 1) {
      ctx.addIssue({ code: "custom", message: `has both ${kinds[0]} and ${kinds[1]}: send one kind per message` });
      return;
    }
    const kind = kinds[0];
    const only = (field: keyof ContentFields, allowed: readonly string[], what: string) => {
      if (m[field] !== undefined && !allowed.includes(kind)) ctx.addIssue({ code: "custom", path: [field], message: `only goes with ${what}` });
    };
    only("caption", ["image", "video", "document"], "image, video or document");
    only("mimetype", MEDIA_KINDS, "media");
    only("fileName", ["document"], "document");
    only("ptt", ["audio"], "audio");
    if (kind === "edit" && m.text === undefined) ctx.addIssue({ code: "custom", path: ["text"], message: "is required with edit (the new text)" });
  })
  .transform((m): SendContent => {
    const kind = kindsOf(m)[0] as (typeof KINDS)[number];
    switch (kind) {
      case "text":
        return { kind: "text", text: m.text! };
      case "location":
        return { kind: "location", location: m.location! };
      case "contacts":
        return { kind: "contacts", displayName: m.contacts!.displayName, contacts: m.contacts!.contacts };
      case "contact":
        return { kind: "contact", ...m.contact! };
      case "poll":
        return { kind: "poll", ...m.poll! };
      case "react":
        return { kind: "react", key: m.react!.key, text: m.react!.text };
      case "edit":
        return { kind: "edit", targetId: m.edit!, text: m.text! };
      case "delete":
        return { kind: "delete", targetId: m.delete! };
      default:
        return { kind: "media", mediaType: kind, ref: m[kind]!, caption: m.caption, mimetype: m.mimetype, fileName: m.fileName, ptt: m.ptt };
    }
  });

// --- POST /api/chat/send ------------------------------------------------------------------------

/** One send (Ultimate WhatsApp Gateway): `{ sessionId, jid, message, typingTime?, replyTo?, wait? }`. */
export const sendMessageSchema = z.strictObject({
  sessionId: sessionIdField,
  /** Recipient: phone number (any common form) or JID (@s.whatsapp.net, @g.us, @lid, status@broadcast). */
  jid: recipientField,
  message: messageContentSchema,
  typingTime: typingTimeField.optional(),
  /** Quote (reply to) a message of this session by its id. */
  replyTo: messageIdField.nullable().optional(),
  /** false: answer 503 at once when the session is not connected, instead of queueing. */
  wait: z.boolean().optional(),
  /** Issue 12: send at this time (ISO 8601; without an offset, in the user's time zone). */
  scheduledTime: z.string().trim().min(1, "must not be empty").max(64).optional(),
});
export type SendInput = z.output<typeof sendMessageSchema>;

/** The body of POST /api/chat/send: one send, or an array of up to 100 (Campaign API's batch). */
export const sendBodySchema = z.union(
  [sendMessageSchema, z.array(sendMessageSchema).min(1, "must not be empty").max(MAX_BATCH, `must have at most ${MAX_BATCH} items`)],
  {
    error: branchError((input) => (Array.isArray(input) ? 1 : 0), "must be a send object or an array of them"),
  },
);
export type SendBody = z.output<typeof sendBodySchema>;

/** `?wait=false` on the send endpoints: same as `wait: false` in the body. */
export const sendQuerySchema = z.object({
  wait: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
});

// --- the other Ultimate WhatsApp Gateway operations ---------------------------------------------------------------

export const presenceSchema = z.strictObject({ sessionId: sessionIdField, jid: recipientField, presence: z.enum(PRESENCES) });
export type PresenceInput = z.output<typeof presenceSchema>;

export const checkNumberSchema = z.strictObject({
  sessionId: sessionIdField,
  phones: z.array(z.string().trim().min(1, "is required").max(64)).min(1, "must not be empty").max(50, "must have at most 50 numbers"),
});
export type CheckNumberInput = z.output<typeof checkNumberSchema>;

export const profilePictureSchema = z.strictObject({ sessionId: sessionIdField, jid: recipientField });
export const markReadSchema = z.strictObject({ sessionId: sessionIdField, jid: recipientField });

export const chatListParams = z.object({ sessionId: sessionIdField });
export const chatListQuery = z.object({
  type: z.enum(["all", "individual", "group"]).optional(),
  limit: limitField(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  search: z.string().trim().max(100).optional(),
});
export type ChatListQuery = z.output<typeof chatListQuery>;

export const chatMessagesParams = z.object({ sessionId: sessionIdField, jid: recipientField });
export const chatMessagesQuery = z.object({
  /** From the previous page's X-Next-Cursor header. */
  cursor: z.string().trim().max(200).optional(),
  limit: limitField(200).optional(),
});
export type ChatMessagesQuery = z.output<typeof chatMessagesQuery>;
