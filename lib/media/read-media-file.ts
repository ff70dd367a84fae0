import "server-only";
// The bytes of a stored file, for the send worker (server-internal: no caller check; whoever queued
// the send was checked by resolveMediaForSend) and for GET /api/media/[id] (after findMediaOrThrow).
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { notFound } from "@/lib/errors/app-error";
import { env } from "@/lib/env";
import { mediaFilePath } from "@/lib/media/store-media";
import { getRuntime } from "@/lib/server/runtime";

export interface MediaFile {
  buffer: Buffer;
  mimetype: string;
  fileName: string | null;
}

export async function readMediaFile(mediaId: string): Promise<MediaFile> {
  const media = await getRuntime().db.media.findUnique({ where: { id: mediaId }, select: { path: true, mimetype: true, fileName: true } });
  if (!media) throw notFound("Media");
  return { buffer: await readStoredFile(env.DATA_DIR, media.path), mimetype: media.mimetype, fileName: media.fileName };
}

export function readStoredFile(dataDir: string, relativePath: string): Promise<Buffer> {
  return readFile(mediaFilePath(dataDir, relativePath));
}

/** For answering a download without holding the whole file in memory. */
export function streamStoredFile(dataDir: string, relativePath: string): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(mediaFilePath(dataDir, relativePath))) as ReadableStream<Uint8Array>;
}
