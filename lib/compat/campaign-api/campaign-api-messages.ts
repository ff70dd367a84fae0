import "server-only";
// The Campaign API's media upload and sends over our own: its message objects become our message
// content, and each is queued through the one durable send queue.
import type { Caller } from "@/lib/auth/caller";
import type { V1MessageInput, V1MessagesBody } from "@/lib/compat/campaign-api/campaign-api-messaging.schema";
import { AppError } from "@/lib/errors/app-error";
import { enqueueSend } from "@/lib/messages/enqueue-send";
import { messageContentSchema, type SendInput } from "@/lib/messages/messages.schema";
import { sendMessages } from "@/lib/messages/send-messages";
import type { UploadMediaInput } from "@/lib/media/media.schema";
import { uploadMedia } from "@/lib/media/upload-media";

const ref = (m: { link?: string; id?: string }) => (m.link ? { url: m.link } : { mediaId: m.id! });

function toSendInput(sessionId: string, m: V1MessageInput): SendInput {
  const content =
    m.type === "text"
      ? { text: m.text!.body }
      : m.type === "image"
        ? { image: ref(m.image!), ...(m.image!.caption ? { caption: m.image!.caption } : {}) }
        : {
            document: ref(m.document!),
            ...(m.document!.mimetype ? { mimetype: m.document!.mimetype } : {}),
            ...(m.document!.filename ? { fileName: m.document!.filename } : {}),
            ...(m.document!.caption ? { caption: m.document!.caption } : {}),
          };
  // Through our own content schema, so the same checks (MIME form, URL) apply as on /api/chat/send.
  const message = messageContentSchema.parse(content);
  // recipient_type "group" with a bare id: the Campaign API accepts group ids without @g.us.
  const to = m.recipient_type === "group" && !m.to.includes("@") ? `${m.to}@g.us` : m.to;
  return { sessionId, jid: to, message };
}

/** POST /api/v1/messages?sessionId=: one message or a batch, answered per message, in order. */
export async function v1SendMessages(caller: Caller, sessionId: string, body: V1MessagesBody, idempotencyKey: string | null) {
  const items = Array.isArray(body) ? body : [body];
  const inputs = items.map((m) => toSendInput(sessionId, m));
  const results = await sendMessages(caller, Array.isArray(body) ? inputs : inputs[0], { idempotencyKey });
  const list = Array.isArray(results) ? results : [results];
  const answers = list.map((r, i) => ({
    to: items[i].to,
    status: r.success ? "success" : "error",
    messageId: r.messageId,
    ...(r.error ? { message: r.error } : {}),
  }));
  if (!Array.isArray(body)) return { status: "success", message: "Message queued for sending", to: answers[0].to, messageId: answers[0].messageId };
  return { status: "success", message: `${answers.filter((a) => a.status === "success").length} of ${answers.length} messages queued`, results: answers };
}

/** DELETE /api/v1/message: deletes a message the session sent, for everyone. */
export async function v1DeleteMessage(caller: Caller, input: { sessionId: string; remoteJid: string; messageId: string }) {
  await enqueueSend(
    caller,
    { sessionId: input.sessionId, jid: input.remoteJid, message: messageContentSchema.parse({ delete: input.messageId }) },
    { idempotencyKey: null },
  );
  return { status: "success", message: "Message deleted." };
}

// The Campaign API's own limits: images and office documents up to 25 MB.
const V1_MEDIA_TYPES = new Set([
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "application/pdf",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
]);
export const V1_MEDIA_MAX_BYTES = 25 * 1024 * 1024;

/** POST /api/v1/media: the file, kept for a later send by its mediaId. */
export async function v1UploadMedia(caller: Caller, input: UploadMediaInput) {
  // A per-session token uploads for its session, so that it can use the file afterwards.
  const own = caller.key?.sessionIds;
  const sessionId = input.sessionId ?? (own && own.length === 1 ? own[0] : undefined);
  const uploaded = await uploadMedia(caller, { ...input, sessionId });
  if (!V1_MEDIA_TYPES.has(uploaded.mimetype)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Invalid file type. Only JPEG, PNG, GIF, WebP, PDF, Word, and Excel allowed.");
  }
  return { status: "success", message: "File uploaded successfully.", mediaId: uploaded.mediaId, url: uploaded.url };
}
