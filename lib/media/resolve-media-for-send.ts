import "server-only";
// What a send's media reference becomes before it is queued: a stored Media row the worker can read
// later, whatever happens to the URL meanwhile. A URL is fetched through safeFetch (http(s) only, no
// private addresses unless allowed, size cap, timeout); a mediaId must be within the caller's reach.
// Either way the bytes' real type must fit the message kind. An image sent as a sticker is made into
// one (512×512 WebP) first.
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { env } from "@/lib/env";
import { cleanFileName } from "@/lib/media/clean-file-name";
import { detectMediaType } from "@/lib/media/detect-media-type";
import { findMediaOrThrow } from "@/lib/media/find-media-or-throw";
import { makeSticker } from "@/lib/media/make-sticker";
import { describeKindMismatch, mediaFitsKind } from "@/lib/media/media-kind";
import type { MediaKind, MediaRef } from "@/lib/media/media.schema";
import { readStoredFile } from "@/lib/media/read-media-file";
import { storeMedia, type MediaStoreDeps } from "@/lib/media/store-media";
import { safeFetch } from "@/lib/net/safe-fetch";
import { getRuntime } from "@/lib/server/runtime";

export interface ResolvedMedia {
  mediaId: string;
  mimetype: string;
  fileName: string | null;
}

export interface ResolveMediaDeps extends MediaStoreDeps {
  fetch: { maxBytes: number; timeoutMs: number; allowPrivate: boolean; ca?: string };
}

export function resolveMediaForSend(caller: Caller, ref: MediaRef, kind: MediaKind): Promise<ResolvedMedia> {
  const { db } = getRuntime();
  return resolveMediaForSendWith(
    {
      db,
      dataDir: env.DATA_DIR,
      fetch: { maxBytes: env.MEDIA_MAX_BYTES, timeoutMs: env.MEDIA_FETCH_TIMEOUT_MS, allowPrivate: env.ALLOW_PRIVATE_NETWORK_URLS },
    },
    caller,
    ref,
    kind,
  );
}

const STICKER_SOURCES = ["image/jpeg", "image/png", "image/gif", "image/webp"];

/** A sticker from an image that sharp cannot decode (a corrupt or truncated file) is the client's fault: a 400. */
async function stickerFrom(image: Buffer, where: string): Promise<Buffer> {
  try {
    return await makeSticker(image);
  } catch {
    throw new AppError("BAD_REQUEST", `${where}: the image could not be decoded (corrupt or truncated), so no sticker can be made from it`);
  }
}

/** Why a fetch failed before any answer, in words a client can act on (no stack, no internals). */
function fetchFailure(error: unknown): string {
  const code = (error as { code?: string; cause?: { code?: string } })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  switch (code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_NONAME":
    case "EAI_NODATA":
      return "its host name could not be resolved";
    case "ECONNREFUSED":
      return "the server refused the connection";
    case "ECONNRESET":
    case "EPIPE":
      return "the connection was reset";
    case "ETIMEDOUT":
    case "UND_ERR_CONNECT_TIMEOUT":
    case "UND_ERR_HEADERS_TIMEOUT":
    case "UND_ERR_BODY_TIMEOUT":
      return "the server did not answer in time";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "the host is unreachable";
    default:
      return code?.startsWith("ERR_TLS") || code?.includes("CERT") ? "its TLS certificate was not accepted" : "it could not be fetched";
  }
}

function shortUrl(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}

export async function resolveMediaForSendWith(deps: ResolveMediaDeps, caller: Caller, ref: MediaRef, kind: MediaKind): Promise<ResolvedMedia> {
  if ("mediaId" in ref) {
    const media = await findMediaOrThrow(deps.db, caller, ref.mediaId);
    if (mediaFitsKind(media.mimetype, kind)) return { mediaId: media.id, mimetype: media.mimetype, fileName: media.fileName };
    if (kind === "sticker" && STICKER_SOURCES.includes(media.mimetype)) {
      const sticker = await stickerFrom(await readStoredFile(deps.dataDir, media.path), `${kind}.mediaId ${media.id}`);
      return storeSticker(deps, caller, sticker, media.sessionId);
    }
    throw new AppError("BAD_REQUEST", `${kind}.mediaId ${media.id}: the file ${describeKindMismatch(media.mimetype, kind)}`);
  }

  const where = `${kind}.url ${shortUrl(ref.url)}`;
  let fetched;
  try {
    fetched = await safeFetch(ref.url, {
      maxBytes: deps.fetch.maxBytes,
      timeoutMs: deps.fetch.timeoutMs,
      allowPrivate: deps.fetch.allowPrivate,
      ca: deps.fetch.ca,
    });
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, `${where}: ${error.message.replace(/^url: /, "")}`);
    throw new AppError("BAD_REQUEST", `${where}: ${fetchFailure(error)}`);
  }
  if (fetched.status < 200 || fetched.status > 299) throw new AppError("BAD_REQUEST", `${where}: answered HTTP ${fetched.status}`);
  if (fetched.body.length === 0) throw new AppError("BAD_REQUEST", `${where}: the file is empty`);
  const type = detectMediaType(fetched.body);
  if (!type)
    throw new AppError("BAD_REQUEST", `${where}: not a supported file type (the server called it ${String(fetched.headers["content-type"] ?? "nothing")})`);
  if (!mediaFitsKind(type.mimetype, kind)) {
    if (kind === "sticker" && STICKER_SOURCES.includes(type.mimetype)) return storeSticker(deps, caller, await stickerFrom(fetched.body, where), null);
    throw new AppError("BAD_REQUEST", `${where}: the file ${describeKindMismatch(type.mimetype, kind)}`);
  }
  const stored = await storeMedia(deps, {
    ownerId: caller.tenantId,
    source: "UPLOAD",
    bytes: fetched.body,
    mimetype: type.mimetype,
    fileName: fileNameFrom(fetched.headers["content-disposition"], fetched.url),
  });
  return { mediaId: stored.id, mimetype: stored.mimetype, fileName: stored.fileName };
}

async function storeSticker(deps: MediaStoreDeps, caller: Caller, webp: Buffer, sessionId: string | null): Promise<ResolvedMedia> {
  const stored = await storeMedia(deps, { ownerId: caller.tenantId, sessionId, source: "STICKER", bytes: webp, mimetype: "image/webp" });
  return { mediaId: stored.id, mimetype: stored.mimetype, fileName: null };
}

/** The name a download would get: Content-Disposition's filename, else the URL's last path segment. */
function fileNameFrom(disposition: string | undefined, url: string): string | null {
  const star = disposition?.match(/filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/);
  const plain = disposition?.match(/filename\s*=\s*"?([^";]+)"?/);
  const decode = (v: string) => {
    try {
      return decodeURIComponent(v);
    } catch {
      return v;
    }
  };
  if (star) return cleanFileName(decode(star[1].trim()));
  if (plain) return cleanFileName(plain[1].trim());
  try {
    return cleanFileName(decode(new URL(url).pathname.split("/").pop() ?? ""));
  } catch {
    return null;
  }
}
