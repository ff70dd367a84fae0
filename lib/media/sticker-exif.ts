// The metadata WhatsApp reads from a sticker: an EXIF block (a little-endian TIFF structure) whose
// first IFD has one entry, tag 0x5741, of type UNDEFINED, holding a JSON object with the pack's
// id, name and publisher. WhatsApp shows the name and publisher under the sticker.
export const STICKER_METADATA_TAG = 0x5741;

export interface StickerMetadata {
  "sticker-pack-id": string;
  "sticker-pack-name": string;
  "sticker-pack-publisher": string;
  emojis?: string[];
}

const TIFF_TYPE_UNDEFINED = 7;

/**
 * Layout: TIFF header (8 bytes: "II", 42, offset of IFD0 = 8), IFD0 with one 12-byte entry
 * (tag, type, count, offset of the value), the next-IFD offset (0: none), then the JSON at 26.
 */
export function buildStickerExif(metadata: StickerMetadata): Buffer {
  const json = Buffer.from(JSON.stringify(metadata), "utf8");
  const valueOffset = 8 + 2 + 12 + 4;
  const exif = Buffer.alloc(valueOffset + json.length);
  exif.write("II", 0, "latin1");
  exif.writeUInt16LE(42, 2);
  exif.writeUInt32LE(8, 4);
  exif.writeUInt16LE(1, 8); // one entry
  exif.writeUInt16LE(STICKER_METADATA_TAG, 10);
  exif.writeUInt16LE(TIFF_TYPE_UNDEFINED, 12);
  exif.writeUInt32LE(json.length, 14);
  exif.writeUInt32LE(valueOffset, 18);
  exif.writeUInt32LE(0, 22); // no next IFD
  json.copy(exif, valueOffset);
  return exif;
}

/** Reads the sticker metadata back from an EXIF block (either byte order); null when absent or malformed. */
export function parseStickerExif(exif: Uint8Array): StickerMetadata | null {
  const b = Buffer.from(exif.buffer, exif.byteOffset, exif.byteLength);
  if (b.length < 8) return null;
  const order = b.toString("latin1", 0, 2);
  if (order !== "II" && order !== "MM") return null;
  const le = order === "II";
  const u16 = (at: number) => (le ? b.readUInt16LE(at) : b.readUInt16BE(at));
  const u32 = (at: number) => (le ? b.readUInt32LE(at) : b.readUInt32BE(at));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd + 2 > b.length) return null;
  const entries = u16(ifd);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > b.length) return null;
    if (u16(entry) !== STICKER_METADATA_TAG) continue;
    const count = u32(entry + 4);
    const start = count <= 4 ? entry + 8 : u32(entry + 8);
    if (start + count > b.length) return null;
    try {
      const value: unknown = JSON.parse(b.toString("utf8", start, start + count));
      return value && typeof value === "object" ? (value as StickerMetadata) : null;
    } catch {
      return null;
    }
  }
  return null;
}
