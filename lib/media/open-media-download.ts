import "server-only";
// GET /api/media/[id]: a stored file for a caller who may see it, streamed, with headers that keep a
// browser from treating it as anything but what it is: the detected type, nosniff, and documents
// (or anything of unknown type) as attachments.
import { stat } from "node:fs/promises";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { env } from "@/lib/env";
import { contentDisposition } from "@/lib/media/content-disposition";
import { MEDIA_TYPES } from "@/lib/media/detect-media-type";
import { findMediaOrThrow } from "@/lib/media/find-media-or-throw";
import { streamStoredFile } from "@/lib/media/read-media-file";
import { mediaFilePath } from "@/lib/media/store-media";
import { getRuntime } from "@/lib/server/runtime";

const INLINE_PREFIXES = ["image/", "audio/", "video/"];

export async function openMediaDownload(caller: Caller, mediaId: string): Promise<{ body: ReadableStream<Uint8Array>; headers: Record<string, string> }> {
  const media = await findMediaOrThrow(getRuntime().db, caller, mediaId);
  const size = await stat(mediaFilePath(env.DATA_DIR, media.path)).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) throw notFound("Media file");
  const known = Object.values(MEDIA_TYPES).find((t) => t.mimetype === media.mimetype);
  const inline = known !== undefined && INLINE_PREFIXES.some((p) => media.mimetype.startsWith(p));
  const fileName = media.fileName ?? `${media.id}.${known?.extension ?? "bin"}`;
  return {
    body: streamStoredFile(env.DATA_DIR, media.path),
    headers: {
      "Content-Type": media.mimetype,
      // Next 16 (send-response.js) currently drops Content-Length from route handlers' answers and
      // sends them chunked; kept for when it passes it through (or server.ts restores it).
      "Content-Length": String(size),
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", fileName),
      "X-Content-Type-Options": "nosniff",
      // Access depends on who asks, and may change: never from a shared cache.
      "Cache-Control": "private, no-store",
    },
  };
}
