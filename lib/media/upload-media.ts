import "server-only";
// POST /api/media: a client's file, kept for later sends. Its type is read from its bytes; the
// declared Content-Type and file name's extension do not count.
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { env } from "@/lib/env";
import { cleanFileName } from "@/lib/media/clean-file-name";
import { ACCEPTED_TYPES_TEXT, detectMediaType } from "@/lib/media/detect-media-type";
import type { UploadMediaInput } from "@/lib/media/media.schema";
import { assertImageDecodes } from "@/lib/media/assert-image-decodes";
import { storeMedia } from "@/lib/media/store-media";
import { getRuntime } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

export interface UploadedMedia {
  mediaId: string;
  mimetype: string;
  size: number;
  fileName: string | null;
  /** Where the file can be downloaded by whoever may see it. */
  url: string;
}

export async function uploadMedia(caller: Caller, input: UploadMediaInput): Promise<UploadedMedia> {
  const { file } = input;
  if (file.size > env.MEDIA_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `file: larger than the limit of ${env.MEDIA_MAX_BYTES} bytes`);
  if (file.size === 0) throw new AppError("BAD_REQUEST", "file: is empty");
  // A staff member reaches files through their assigned sessions only (lib/media/find-media-or-throw.ts),
  // so their upload must name one, or they could not use it afterwards.
  if (!input.sessionId && (caller.role === "STAFF" || caller.key?.sessionIds))
    throw new AppError("BAD_REQUEST", "sessionId: is required for staff uploads (one of your assigned sessions)");
  const session = input.sessionId ? await getSessionOrThrow(caller, input.sessionId) : null;

  const bytes = Buffer.from(await file.arrayBuffer());
  const type = detectMediaType(bytes);
  if (!type) {
    const declared = file.type && file.type !== "application/octet-stream" ? `declared as ${file.type}` : "of unknown type";
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `file: unsupported file type (${declared}, and its contents are none of the accepted types). Accepted: ${ACCEPTED_TYPES_TEXT}`,
    );
  }
  await assertImageDecodes(bytes, type.mimetype);
  const stored = await storeMedia(
    { db: getRuntime().db, dataDir: env.DATA_DIR },
    {
      ownerId: session?.ownerId ?? caller.tenantId,
      sessionId: session?.id ?? null,
      source: "UPLOAD",
      bytes,
      mimetype: type.mimetype,
      fileName: cleanFileName(file.name),
    },
  );
  return { mediaId: stored.id, mimetype: stored.mimetype, size: stored.size, fileName: stored.fileName, url: `/api/media/${stored.id}` };
}
