import "server-only";
// POST /api/messages/sticker (Ultimate WhatsApp Gateway): an image becomes a sticker (lib/media/make-sticker.ts), is
// kept as Media (source STICKER) and goes out through the send queue like any other message.
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { env } from "@/lib/env";
import { detectMediaType } from "@/lib/media/detect-media-type";
import { makeSticker } from "@/lib/media/make-sticker";
import type { StickerFormInput } from "@/lib/media/media.schema";
import { storeMedia } from "@/lib/media/store-media";
import { enqueueSend } from "@/lib/messages/enqueue-send";
import { sendMessageSchema } from "@/lib/messages/messages.schema";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";
import { getRuntime } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

const STICKER_INPUTS = ["image/png", "image/jpeg", "image/webp"];

export interface StickerSent {
  success: boolean;
  messageId: string;
  mediaId: string;
  error?: string;
}

export async function sendSticker(caller: Caller, input: StickerFormInput, options: { idempotencyKey?: string | null } = {}): Promise<StickerSent> {
  const { db } = getRuntime();
  const session = await getSessionOrThrow(caller, input.sessionId);
  normalizeRecipient(input.jid); // a bad recipient is a 400 before any work is done
  const send = async (mediaId: string) => {
    const body = sendMessageSchema.parse({ sessionId: input.sessionId, jid: input.jid, message: { sticker: { mediaId } } });
    const result = await enqueueSend(caller, body, { idempotencyKey: options.idempotencyKey });
    return { success: result.success, messageId: result.messageId, mediaId, ...(result.error ? { error: result.error } : {}) };
  };

  // A retried request (same Idempotency-Key) answers with the sticker it already made.
  const idempotencyKey = options.idempotencyKey?.trim();
  if (idempotencyKey) {
    const earlier = await db.message.findFirst({ where: { ownerId: session.ownerId, idempotencyKey }, select: { mediaId: true } });
    if (earlier?.mediaId) return send(earlier.mediaId);
  }

  const { file } = input;
  if (file.size > env.MEDIA_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `file: larger than the limit of ${env.MEDIA_MAX_BYTES} bytes`);
  const image = Buffer.from(await file.arrayBuffer());
  const type = detectMediaType(image);
  if (!type || !STICKER_INPUTS.includes(type.mimetype)) {
    const what = type ? `a ${type.label}` : file.type ? `of unsupported type ${file.type}` : "of unknown type";
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `file: stickers are made from PNG, JPEG or WebP images; this file is ${what}`);
  }
  let webp: Buffer;
  try {
    webp = await makeSticker(image, { pack: input.pack, author: input.author });
  } catch {
    throw new AppError("BAD_REQUEST", `file: the ${type.label} could not be decoded`);
  }
  const stored = await storeMedia(
    { db, dataDir: env.DATA_DIR },
    { ownerId: session.ownerId, sessionId: session.id, source: "STICKER", bytes: webp, mimetype: "image/webp", fileName: null },
  );
  return send(stored.id);
}
