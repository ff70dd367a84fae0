import "server-only";
// The file of an incoming media message, base64, for Clevio's webhook payload (`media`). Incoming
// media is saved just after the message is recorded (lib/whatsapp/store/), so a delivery may come
// first: we wait briefly for the file, then send without it rather than hold the webhook's queue.
import type { Db } from "@/lib/db/create-prisma-client";
import { readStoredFile } from "@/lib/media/read-media-file";

const MEDIA_KEYS = ["imageMessage", "videoMessage", "audioMessage", "documentMessage", "stickerMessage", "documentWithCaptionMessage"];
// Webhook bodies stay reasonable: larger files are announced (filename, mimetype) without content.
const MAX_INLINE_BYTES = 16 * 1024 * 1024;
const WAIT_STEPS_MS = [0, 250, 500, 1000];

export async function loadClevioWebhookMedia(db: Db, dataDir: string, sessionDbId: string, payload: unknown): Promise<{ base64: string } | null> {
  if (!payload || typeof payload !== "object") return null;
  const data = payload as { id?: unknown; message?: Record<string, unknown> | null };
  if (typeof data.id !== "string" || !data.message || !MEDIA_KEYS.some((k) => k in data.message!)) return null;
  for (const delay of WAIT_STEPS_MS) {
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const row = await db.message.findUnique({ where: { sessionId_keyId: { sessionId: sessionDbId, keyId: data.id } }, select: { mediaId: true } });
    const media = row?.mediaId ? await db.media.findUnique({ where: { id: row.mediaId }, select: { path: true, size: true } }) : null;
    if (!media) continue;
    if (media.size > MAX_INLINE_BYTES) return null;
    return { base64: (await readStoredFile(dataDir, media.path)).toString("base64") };
  }
  return null;
}
