import { z } from "zod";

/** The kinds of WhatsApp media message; lib/media/media-kind.ts says which files each may carry. */
export const MEDIA_KINDS = ["image", "video", "audio", "document", "sticker"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** A URL the gateway fetches media from (through lib/net/safe-fetch.ts). */
export const mediaUrlField = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(4096);

/** `{ url }` (fetched by the gateway) or `{ mediaId }` (from POST /api/media). */
export const mediaRefSchema = z
  .strictObject({ url: mediaUrlField.optional(), mediaId: z.string().trim().min(1).max(128).optional() })
  .refine((ref) => (ref.url === undefined) !== (ref.mediaId === undefined), "must have exactly one of url or mediaId")
  .transform((ref): { url: string } | { mediaId: string } => (ref.url !== undefined ? { url: ref.url } : { mediaId: ref.mediaId! }));
export type MediaRef = z.output<typeof mediaRefSchema>;

/** A file part of a multipart form (a Blob with a name: undici's File). */
const filePart = z.custom<File>((v) => v instanceof Blob && typeof (v as File).name === "string", { error: 'must be a file (multipart field "file")' });
/** An optional text field; an empty one counts as absent (HTML forms send empty strings). */
const optionalText = (max: number) => z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).max(max).optional());

/** POST /api/media (multipart): the file and, optionally, the session it is meant for. */
export const uploadMediaSchema = z.strictObject({
  file: filePart,
  sessionId: optionalText(64),
});
export type UploadMediaInput = z.infer<typeof uploadMediaSchema>;

export const UPLOAD_MEDIA_FIELDS = ["file", "sessionId?"];

export const mediaIdParams = z.object({ id: z.string().trim().min(1).max(64) });

/** POST /api/messages/sticker (multipart, Ultimate WhatsApp Gateway). */
export const stickerFormSchema = z.strictObject({
  sessionId: z.string().trim().min(1, "is required").max(64),
  jid: z.string().trim().min(1, "is required").max(128),
  file: filePart,
  pack: optionalText(100),
  author: optionalText(100),
});
export type StickerFormInput = z.infer<typeof stickerFormSchema>;

export const STICKER_FIELDS = ["sessionId", "jid", "file", "pack?", "author?"];
