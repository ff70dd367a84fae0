import "server-only";
// Auto-save (Chatery): the media of a message a session received, downloaded from WhatsApp's media
// host, decrypted, and kept under DATA_DIR like an upload (source INCOMING, with the message's id).
// Called after the message itself is stored; saving the same message twice returns the first copy.
import { downloadMediaMessage, extractMessageContent, getContentType, type WAMessage } from "@whiskeysockets/baileys";
import { cleanFileName } from "@/lib/media/clean-file-name";
import { detectMediaType } from "@/lib/media/detect-media-type";
import { storeMedia, type MediaStoreDeps } from "@/lib/media/store-media";

type DownloadOptions = Parameters<typeof downloadMediaMessage>[2];
type DownloadContext = Parameters<typeof downloadMediaMessage>[3];

export interface SaveIncomingMediaDeps extends MediaStoreDeps {
  /** Third argument of Baileys' downloadMediaMessage (the sandbox's: trust the emulator's media host). */
  downloadOptions?: object;
  /** Lets Baileys ask the sender's phone to re-upload expired media: `{ reuploadRequest: sock.updateMediaMessage, logger }`. */
  downloadContext?: DownloadContext;
  /** Larger media is not saved (null is returned). Default 100 MiB. */
  maxBytes?: number;
}

export interface IncomingMediaSession {
  /** Internal id. */
  id: string;
  ownerId: string;
  /** Public id. */
  sessionId: string;
}

const MEDIA_CONTENT = ["imageMessage", "videoMessage", "audioMessage", "documentMessage", "stickerMessage", "ptvMessage"] as const;
const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

export async function saveIncomingMedia(deps: SaveIncomingMediaDeps, session: IncomingMediaSession, msg: WAMessage): Promise<{ mediaId: string } | null> {
  const keyId = msg.key.id;
  const content = extractMessageContent(msg.message);
  const contentType = getContentType(content);
  if (!keyId || !content || !contentType || !(MEDIA_CONTENT as readonly string[]).includes(contentType)) return null;
  const media = content[contentType as (typeof MEDIA_CONTENT)[number]];
  if (!media?.directPath && !media?.url) return null;

  const existing = await deps.db.media.findFirst({ where: { sessionId: session.id, messageKeyId: keyId, source: "INCOMING" }, select: { id: true } });
  if (existing) return { mediaId: existing.id };

  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_BYTES;
  if (Number(media.fileLength ?? 0) > maxBytes) return null;
  const stream = await downloadMediaMessage(msg, "stream", (deps.downloadOptions ?? {}) as DownloadOptions, deps.downloadContext);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  // The sender's declared mimetype is not trusted: what cannot be recognised is served as a download.
  const type = detectMediaType(bytes);
  const stored = await storeMedia(deps, {
    ownerId: session.ownerId,
    sessionId: session.id,
    source: "INCOMING",
    bytes,
    mimetype: type?.mimetype ?? "application/octet-stream",
    fileName: contentType === "documentMessage" ? cleanFileName(content.documentMessage?.fileName) : null,
    messageKeyId: keyId,
  });
  return { mediaId: stored.id };
}
