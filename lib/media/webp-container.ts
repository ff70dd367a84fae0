// The RIFF container of a WebP file, just enough of it to add an EXIF chunk: chunks are a FourCC, a
// little-endian 32-bit size and the data, padded to an even length. Metadata needs the extended
// format: a VP8X chunk first, whose flags announce EXIF (and alpha).
export interface WebpChunk {
  fourcc: string;
  data: Buffer;
}

const VP8X_FLAG_ALPHA = 0x10;
const VP8X_FLAG_EXIF = 0x08;

export function readWebpChunks(webp: Uint8Array): WebpChunk[] {
  const b = Buffer.from(webp.buffer, webp.byteOffset, webp.byteLength);
  if (b.length < 12 || b.toString("latin1", 0, 4) !== "RIFF" || b.toString("latin1", 8, 12) !== "WEBP") throw new Error("not a WebP file");
  const end = Math.min(b.length, 8 + b.readUInt32LE(4));
  const chunks: WebpChunk[] = [];
  for (let at = 12; at + 8 <= end;) {
    const size = b.readUInt32LE(at + 4);
    if (at + 8 + size > end) throw new Error("truncated WebP chunk");
    chunks.push({ fourcc: b.toString("latin1", at, at + 4), data: b.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size & 1);
  }
  return chunks;
}

export function writeWebpChunks(chunks: WebpChunk[]): Buffer {
  const parts: Buffer[] = [];
  for (const chunk of chunks) {
    const header = Buffer.alloc(8);
    header.write(chunk.fourcc, 0, "latin1");
    header.writeUInt32LE(chunk.data.length, 4);
    parts.push(header, chunk.data);
    if (chunk.data.length & 1) parts.push(Buffer.alloc(1));
  }
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(12);
  head.write("RIFF", 0, "latin1");
  head.writeUInt32LE(body.length + 4, 4);
  head.write("WEBP", 8, "latin1");
  return Buffer.concat([head, body]);
}

/** Canvas size and alpha of a simple-format image (VP8 or VP8L), to build a VP8X header for it. */
function simpleImageInfo(chunk: WebpChunk): { width: number; height: number; alpha: boolean } {
  const d = chunk.data;
  if (chunk.fourcc === "VP8 " && d.length >= 10 && d[3] === 0x9d && d[4] === 0x01 && d[5] === 0x2a) {
    return { width: d.readUInt16LE(6) & 0x3fff, height: d.readUInt16LE(8) & 0x3fff, alpha: false };
  }
  if (chunk.fourcc === "VP8L" && d.length >= 5 && d[0] === 0x2f) {
    const bits = d.readUInt32LE(1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1, alpha: Boolean((bits >> 28) & 1) };
  }
  throw new Error(`unexpected WebP image chunk ${chunk.fourcc}`);
}

/** The same WebP with `exif` as its (only) EXIF chunk, in the extended format. */
export function setWebpExif(webp: Uint8Array, exif: Buffer): Buffer {
  const chunks = readWebpChunks(webp).filter((c) => c.fourcc !== "EXIF");
  if (chunks.length === 0) throw new Error("WebP file has no image data");
  if (chunks[0].fourcc === "VP8X") {
    const vp8x = Buffer.from(chunks[0].data);
    vp8x[0] |= VP8X_FLAG_EXIF;
    chunks[0] = { fourcc: "VP8X", data: vp8x };
  } else {
    const { width, height, alpha } = simpleImageInfo(chunks[0]);
    const vp8x = Buffer.alloc(10);
    vp8x[0] = VP8X_FLAG_EXIF | (alpha ? VP8X_FLAG_ALPHA : 0);
    vp8x.writeUIntLE(width - 1, 4, 3);
    vp8x.writeUIntLE(height - 1, 7, 3);
    chunks.unshift({ fourcc: "VP8X", data: vp8x });
  }
  // EXIF comes after the image data and before XMP.
  const xmp = chunks.findIndex((c) => c.fourcc === "XMP ");
  chunks.splice(xmp < 0 ? chunks.length : xmp, 0, { fourcc: "EXIF", data: exif });
  return writeWebpChunks(chunks);
}
