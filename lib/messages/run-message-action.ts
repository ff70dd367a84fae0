import "server-only";
// react / edit / delete / forward on one stored message, each turned into the send it stands for
// and queued through enqueueSend (durable, paced, idempotent like every other send).
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { enqueueSend } from "@/lib/messages/enqueue-send";
import type { MessageActionBody, MessageActionParams } from "@/lib/messages/message-actions.schema";
import type { SendContent } from "@/lib/messages/messages.schema";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";
import { db } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

const MEDIA_TYPES = { IMAGE: "image", VIDEO: "video", AUDIO: "audio", DOCUMENT: "document", STICKER: "sticker" } as const;

/** What a stored message is sent again as: its text, or its stored media with the caption. */
function forwardContent(row: { type: string; content: string | null; mediaId: string | null }): SendContent {
  if (row.type === "TEXT" && row.content) return { kind: "text", text: row.content };
  const mediaType = MEDIA_TYPES[row.type as keyof typeof MEDIA_TYPES];
  if (mediaType && row.mediaId) {
    return {
      kind: "media",
      mediaType,
      ref: { mediaId: row.mediaId },
      ...(row.content && mediaType !== "audio" && mediaType !== "sticker" ? { caption: row.content } : {}),
    };
  }
  throw new AppError("BAD_REQUEST", `forward: a ${row.type.toLowerCase()} message${mediaType ? " whose media was not saved" : ""} cannot be forwarded`);
}

export async function runMessageAction(caller: Caller, params: MessageActionParams, body: MessageActionBody, options: { idempotencyKey?: string | null }) {
  const session = await getSessionOrThrow(caller, params.sessionId);
  const jid = normalizeRecipient(params.jid);
  const row = await db().message.findFirst({
    where: { sessionId: session.id, ownerId: session.ownerId, keyId: params.id, remoteJid: jid },
    select: { keyId: true, type: true, content: true, mediaId: true },
  });
  if (!row) throw new AppError("NOT_FOUND", `Message '${params.id}' not found in this chat`);

  let to = jid;
  let message: SendContent;
  switch (params.action) {
    case "react":
      if (body.emoji === undefined) throw new AppError("BAD_REQUEST", 'emoji: required ("" removes the reaction)');
      message = { kind: "react", key: row.keyId, text: body.emoji };
      break;
    case "edit":
      if (!body.text) throw new AppError("BAD_REQUEST", "text: required");
      message = { kind: "edit", targetId: row.keyId, text: body.text };
      break;
    case "delete":
      message = { kind: "delete", targetId: row.keyId };
      break;
    case "forward":
      if (!body.to) throw new AppError("BAD_REQUEST", "to: required (phone number or JID)");
      to = normalizeRecipient(body.to, { field: "to" });
      message = forwardContent(row);
      break;
  }
  return enqueueSend(caller, { sessionId: session.sessionId, jid: to, message }, options);
}
