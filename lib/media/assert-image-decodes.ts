import "server-only";
// An upload is kept to be sent later, maybe as a sticker (which decodes it): a file that looks like
// an image by its first bytes but cannot be decoded must be refused now, while the client is still
// there to hear why, rather than fail in the send queue later.
import { AppError } from "@/lib/errors/app-error";

const DECODED_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"];
/** The same bound as stickers (lib/media/make-sticker.ts): a decompression bomb is refused unread. */
const MAX_INPUT_PIXELS = 40_000_000;

export async function assertImageDecodes(bytes: Buffer, mimetype: string): Promise<void> {
  if (!DECODED_TYPES.includes(mimetype)) return;
  // sharp (libvips and its threads) is loaded on the first image, not with the gateway.
  const { default: sharp } = await import("sharp");
  try {
    // A thumbnail decodes every pixel row (so truncation is found) while keeping memory small.
    await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error", animated: false }).resize(16, 16, { fit: "inside" }).raw().toBuffer();
  } catch {
    throw new AppError("BAD_REQUEST", `file: the ${mimetype.slice("image/".length).toUpperCase()} image could not be decoded (corrupt or truncated)`);
  }
}
