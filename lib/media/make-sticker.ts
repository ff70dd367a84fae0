import "server-only";
// Turns an image into a WhatsApp sticker: a 512×512 WebP with an alpha channel, the image scaled to
// fit with its aspect ratio kept and transparent padding around it, carrying the pack metadata
// WhatsApp shows (lib/media/sticker-exif.ts). Static stickers must stay under 100 KB, so the quality
// steps down until the file fits.
import { randomUUID } from "node:crypto";
import { buildStickerExif } from "@/lib/media/sticker-exif";
import { setWebpExif } from "@/lib/media/webp-container";

export const STICKER_SIZE = 512;
const MAX_STICKER_BYTES = 100 * 1024;
const QUALITIES = [80, 65, 50, 35, 20];
/** A decompression bomb stops here rather than in memory (sharp's default is 268 Mpx). */
const MAX_INPUT_PIXELS = 40_000_000;

export interface StickerOptions {
  /** Pack name shown under the sticker. */
  pack?: string | null;
  /** Publisher shown under the sticker. */
  author?: string | null;
}

export async function makeSticker(image: Buffer, options: StickerOptions = {}): Promise<Buffer> {
  // sharp (libvips and its threads) is loaded on the first image, not with the gateway.
  const { default: sharp } = await import("sharp");
  // First frame only (animated input), upright as its EXIF orientation says.
  const pipeline = sharp(image, { animated: false, limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize(STICKER_SIZE, STICKER_SIZE, { fit: "contain", background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .ensureAlpha();
  let webp: Buffer | undefined;
  for (const quality of QUALITIES) {
    webp = await pipeline.clone().webp({ quality, alphaQuality: 100, effort: 4 }).toBuffer();
    if (webp.length <= MAX_STICKER_BYTES) break;
  }
  const exif = buildStickerExif({
    "sticker-pack-id": randomUUID(),
    "sticker-pack-name": options.pack?.trim() || "Wagate",
    "sticker-pack-publisher": options.author?.trim() || "Wagate",
    emojis: [],
  });
  return setWebpExif(webp!, exif);
}
