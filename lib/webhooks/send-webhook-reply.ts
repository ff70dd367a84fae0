import "server-only";
// Sends what a reply-enabled webhook answered back to the sender, through the send queue, so the
// session's pacing, typing indicator, retries and durability apply as to any API send.
//
// It acts as the session's owner: the reply is the owner's configuration at work, so it gets exactly
// the owner's reach — the session must still be theirs. The Caller is built from the owner's user
// row (`via: "apiKey"`: a machine acting for them, as an API client would).
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { env } from "@/lib/env";
import { cleanFileName } from "@/lib/media/clean-file-name";
import { detectMediaType } from "@/lib/media/detect-media-type";
import { mediaFitsKind } from "@/lib/media/media-kind";
import { storeMedia } from "@/lib/media/store-media";
import { enqueueSend } from "@/lib/messages/enqueue-send";
import type { SendContent } from "@/lib/messages/messages.schema";
import { db } from "@/lib/server/runtime";
import { mediaKindOf } from "@/lib/webhooks/parse-webhook-reply";
import type { ReplyRequest } from "@/lib/webhooks/webhook-worker";

async function ownerCaller(ownerId: string): Promise<Caller> {
  const user = await db().user.findUnique({ where: { id: ownerId }, select: { id: true, role: true, name: true, email: true, username: true, ownerId: true } });
  if (!user) throw new AppError("NOT_FOUND", "the session's owner no longer exists");
  return { ...user, tenantId: user.id, via: "apiKey" };
}

export async function sendWebhookReply(request: ReplyRequest): Promise<void> {
  // One reply per delivery, however often the delivery is retried after a crash.
  const idempotencyKey = `webhook-reply:${request.deliveryId}`;
  const earlier = await db().message.findFirst({ where: { ownerId: request.ownerId, idempotencyKey }, select: { id: true } });
  if (earlier) return;
  const caller = await ownerCaller(request.ownerId);
  const { reply } = request;
  let message: SendContent;
  if (reply.kind === "text") {
    message = { kind: "text", text: reply.text };
  } else {
    // The bytes decide what the file is; the declared mimetype only picks document vs. media.
    const detected = detectMediaType(reply.bytes);
    if (!detected) throw new AppError("UNSUPPORTED_MEDIA_TYPE", `media: not an accepted file type (declared ${reply.mimetype})`);
    let kind: "image" | "video" | "audio" | "document" = reply.fileName && mediaKindOf(reply.mimetype) === "document" ? "document" : detected.category;
    if (!mediaFitsKind(detected.mimetype, kind)) kind = "document";
    const fileName = kind === "document" ? (cleanFileName(reply.fileName ?? null) ?? `reply.${detected.extension}`) : null;
    const stored = await storeMedia(
      { db: db(), dataDir: env.DATA_DIR },
      { ownerId: request.ownerId, sessionId: request.sessionDbId, source: "UPLOAD", bytes: reply.bytes, mimetype: detected.mimetype, fileName },
    );
    message = {
      kind: "media",
      mediaType: kind,
      ref: { mediaId: stored.id },
      ...(reply.caption && kind !== "audio" ? { caption: reply.caption } : {}),
      ...(fileName ? { fileName } : {}),
    };
  }
  await enqueueSend(caller, { sessionId: request.sessionId, jid: request.jid, message }, { idempotencyKey, via: "automation" });
}
