import "server-only";
// Keeps a file under DATA_DIR/media/<ownerId>/<yyyy-mm>/<id> and records it as a Media row. The
// bytes are written to a temporary name and renamed into place, so a reader never sees half a file;
// the row is created only once the file is complete, and the file is removed again if that fails.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/create-prisma-client";
import type { MediaSource } from "@/lib/generated/prisma/enums";

export interface MediaStoreDeps {
  db: Db;
  dataDir: string;
}

export interface StoreMediaInput {
  /** The tenant (owner's user id). */
  ownerId: string;
  /** Internal id of the session the file belongs to, if any. */
  sessionId?: string | null;
  source: MediaSource;
  bytes: Buffer;
  /** As detected from the bytes, never as declared. */
  mimetype: string;
  fileName?: string | null;
  messageKeyId?: string | null;
}

export interface StoredMedia {
  id: string;
  mimetype: string;
  size: number;
  fileName: string | null;
  sha256: string;
}

const SAFE_SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

export function mediaRoot(dataDir: string): string {
  return path.resolve(dataDir, "media");
}

/** The absolute path of a stored file; refuses anything that would leave the media folder. */
export function mediaFilePath(dataDir: string, relative: string): string {
  const root = mediaRoot(dataDir);
  const full = path.resolve(root, relative);
  if (!full.startsWith(root + path.sep)) throw new Error(`media path escapes the media folder: ${relative}`);
  return full;
}

/** A cuid-like id (lower-case, starts with a letter), chosen here because it names the file before the row exists. */
function newMediaId(): string {
  return `m${Date.now().toString(36)}${randomBytes(10).toString("hex")}`;
}

export async function storeMedia(deps: MediaStoreDeps, input: StoreMediaInput): Promise<StoredMedia> {
  if (!SAFE_SEGMENT.test(input.ownerId)) throw new Error(`unexpected owner id ${JSON.stringify(input.ownerId)}`);
  const id = newMediaId();
  const now = new Date();
  const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  const relative = path.posix.join(input.ownerId, month, id);
  const file = mediaFilePath(deps.dataDir, relative);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");

  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, input.bytes, { flag: "wx", mode: 0o640 });
    await rename(tmp, file);
  } catch (error) {
    await unlink(tmp).catch(() => {});
    throw error;
  }
  try {
    const row = await deps.db.media.create({
      data: {
        id,
        ownerId: input.ownerId,
        sessionId: input.sessionId ?? null,
        source: input.source,
        mimetype: input.mimetype,
        fileName: input.fileName ?? null,
        size: input.bytes.length,
        sha256,
        path: relative,
        messageKeyId: input.messageKeyId ?? null,
      },
      select: { id: true, mimetype: true, size: true, fileName: true, sha256: true },
    });
    return row;
  } catch (error) {
    await unlink(file).catch(() => {});
    throw error;
  }
}
