// Which detected file types each kind of WhatsApp media message may carry. A document may be any
// accepted file; the others must be something WhatsApp can show or play as that kind.
import { MEDIA_TYPES } from "@/lib/media/detect-media-type";
import type { MediaKind } from "@/lib/media/media.schema";

const ACCEPTS: Record<MediaKind, (mimetype: string) => boolean> = {
  image: (m) => ["image/jpeg", "image/png", "image/gif", "image/webp"].includes(m),
  // WhatsApp plays MP4 and 3GP; a WebM video can still be sent as a document.
  video: (m) => ["video/mp4", "video/3gpp"].includes(m),
  audio: (m) => m.startsWith("audio/"),
  document: () => true,
  sticker: (m) => m === "image/webp",
};

const WANTED: Record<MediaKind, string> = {
  image: "an image (JPEG, PNG, GIF or WebP)",
  video: "a video (MP4 or 3GP)",
  audio: "audio (Ogg/Opus, MP3, M4A/AAC or WAV)",
  document: "a document",
  sticker: "a WebP sticker",
};

export function mediaFitsKind(mimetype: string, kind: MediaKind): boolean {
  return ACCEPTS[kind](mimetype.split(";")[0].trim());
}

/** "is a PDF document (application/pdf), not an image (JPEG, PNG, GIF or WebP)" */
export function describeKindMismatch(mimetype: string, kind: MediaKind): string {
  const known = Object.values(MEDIA_TYPES).find((t) => t.mimetype === mimetype);
  return `is ${known ? `a ${known.label} (${mimetype})` : mimetype}, not ${WANTED[kind]}`;
}
