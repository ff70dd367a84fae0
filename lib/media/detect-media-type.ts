// What a file really is, read from its bytes: the type a client declares (Content-Type, a file
// name's extension) is never trusted. Only the formats the gateway accepts are recognised; anything
// else is null. Office files need a look inside their containers: .docx/.xlsx are ZIP packages
// ([Content_Types].xml names the main part), .doc/.xls are OLE2 compound files (the directory names
// the main stream).
import { inflateRawSync } from "node:zlib";

export type MediaCategory = "image" | "video" | "audio" | "document";

export interface DetectedMediaType {
  mimetype: string;
  /** Without the dot, for file names. */
  extension: string;
  category: MediaCategory;
  /** What a person calls it, for error messages. */
  label: string;
}

const type = (mimetype: string, extension: string, category: MediaCategory, label: string): DetectedMediaType => ({ mimetype, extension, category, label });

export const MEDIA_TYPES = {
  jpeg: type("image/jpeg", "jpg", "image", "JPEG image"),
  png: type("image/png", "png", "image", "PNG image"),
  gif: type("image/gif", "gif", "image", "GIF image"),
  webp: type("image/webp", "webp", "image", "WebP image"),
  pdf: type("application/pdf", "pdf", "document", "PDF document"),
  doc: type("application/msword", "doc", "document", "Word document"),
  docx: type("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "document", "Word document"),
  xls: type("application/vnd.ms-excel", "xls", "document", "Excel workbook"),
  xlsx: type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "document", "Excel workbook"),
  opus: type("audio/ogg; codecs=opus", "ogg", "audio", "Ogg Opus audio"),
  ogg: type("audio/ogg", "ogg", "audio", "Ogg Vorbis audio"),
  mp3: type("audio/mpeg", "mp3", "audio", "MP3 audio"),
  m4a: type("audio/mp4", "m4a", "audio", "M4A audio"),
  aac: type("audio/aac", "aac", "audio", "AAC audio"),
  wav: type("audio/wav", "wav", "audio", "WAV audio"),
  mp4: type("video/mp4", "mp4", "video", "MP4 video"),
  "3gp": type("video/3gpp", "3gp", "video", "3GP video"),
  webm: type("video/webm", "webm", "video", "WebM video"),
} as const;

/** For error messages: what the upload endpoint accepts. */
export const ACCEPTED_TYPES_TEXT =
  "JPEG, PNG, GIF, WebP, PDF, Word (.doc, .docx), Excel (.xls, .xlsx), audio (Ogg/Opus, MP3, M4A/AAC, WAV) and video (MP4, 3GP, WebM)";

const ascii = (bytes: Uint8Array, start: number, end: number) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1", start, end);
const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

export function detectMediaType(input: Uint8Array): DetectedMediaType | null {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length < 4) return null;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return MEDIA_TYPES.jpeg;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return MEDIA_TYPES.png;
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return MEDIA_TYPES.gif;
  if (ascii(bytes, 0, 4) === "RIFF" && bytes.length >= 12) {
    const form = ascii(bytes, 8, 12);
    if (form === "WEBP") return MEDIA_TYPES.webp;
    if (form === "WAVE") return MEDIA_TYPES.wav;
    return null;
  }
  if (ascii(bytes, 0, 5) === "%PDF-") return MEDIA_TYPES.pdf;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return detectOfficeOpenXml(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return detectCompoundFile(bytes);
  if (ascii(bytes, 0, 4) === "OggS") return detectOgg(bytes);
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return detectEbml(bytes);
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === "ftyp") return detectIsoMedia(bytes);
  return detectMpegAudio(bytes);
}

// --- audio ------------------------------------------------------------------------------------

function detectOgg(bytes: Buffer): DetectedMediaType | null {
  // The first page carries the first packet of the first stream: its header names the codec.
  if (bytes.length < 28) return null;
  const segments = bytes[26];
  const packet = 27 + segments;
  if (ascii(bytes, packet, packet + 8) === "OpusHead") return MEDIA_TYPES.opus;
  if (bytes[packet] === 0x01 && ascii(bytes, packet + 1, packet + 7) === "vorbis") return MEDIA_TYPES.ogg;
  return null;
}

/** MP3 (optionally after an ID3v2 tag) or AAC in ADTS frames. */
function detectMpegAudio(bytes: Buffer): DetectedMediaType | null {
  let offset = 0;
  const hasId3 = ascii(bytes, 0, 3) === "ID3" && bytes.length >= 10;
  if (hasId3) {
    // Syncsafe size (7 bits per byte), plus a 10-byte footer when flagged.
    const size = ((bytes[6] & 0x7f) << 21) | ((bytes[7] & 0x7f) << 14) | ((bytes[8] & 0x7f) << 7) | (bytes[9] & 0x7f);
    offset = 10 + size + (bytes[5] & 0x10 ? 10 : 0);
    // Some encoders pad after the tag.
    while (offset < bytes.length && bytes[offset] === 0) offset++;
  }
  if (offset + 4 > bytes.length) return null;
  if (bytes[offset] !== 0xff || (bytes[offset + 1] & 0xe0) !== 0xe0) return null;
  const version = (bytes[offset + 1] >> 3) & 0x03; // 1 is reserved
  const layer = (bytes[offset + 1] >> 1) & 0x03;
  if (layer === 0) {
    // ADTS: 12 sync bits, layer always 0; the sampling index must be a real one.
    const samplingIndex = (bytes[offset + 2] >> 2) & 0x0f;
    return (bytes[offset + 1] & 0xf6) === 0xf0 && samplingIndex < 13 ? MEDIA_TYPES.aac : null;
  }
  const bitrateIndex = bytes[offset + 2] >> 4;
  const sampleRateIndex = (bytes[offset + 2] >> 2) & 0x03;
  if (version === 1 || bitrateIndex === 0x0f || sampleRateIndex === 0x03) return null;
  return MEDIA_TYPES.mp3;
}

// --- video ------------------------------------------------------------------------------------

function detectEbml(bytes: Buffer): DetectedMediaType | null {
  // The EBML header's DocType (element 0x4282) says webm or matroska; only WebM is accepted.
  const header = bytes.subarray(0, Math.min(bytes.length, 256));
  const at = header.indexOf(Buffer.from([0x42, 0x82]));
  if (at < 0) return null;
  const sizeByte = header[at + 2];
  if (sizeByte === undefined || !(sizeByte & 0x80)) return null; // one-byte size, as every muxer writes it
  const docType = ascii(header, at + 3, at + 3 + (sizeByte & 0x7f));
  return docType === "webm" ? MEDIA_TYPES.webm : null;
}

interface Box {
  type: string;
  start: number; // of the payload
  end: number;
}

function* boxes(bytes: Buffer, start: number, end: number): Generator<Box> {
  let offset = start;
  while (offset + 8 <= end) {
    let size = bytes.readUInt32BE(offset);
    const type = ascii(bytes, offset + 4, offset + 8);
    let header = 8;
    if (size === 1) {
      if (offset + 16 > end) return;
      const large = bytes.readBigUInt64BE(offset + 8);
      if (large > BigInt(end - offset)) return;
      size = Number(large);
      header = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < header || offset + size > end) return;
    yield { type, start: offset + header, end: offset + size };
    offset += size;
  }
}

/** Handler types ('vide', 'soun', …) of the movie's tracks; null when there is no readable moov. */
function trackHandlers(bytes: Buffer): Set<string> | null {
  const moov = [...boxes(bytes, 0, bytes.length)].find((b) => b.type === "moov");
  if (!moov) return null;
  const handlers = new Set<string>();
  for (const trak of boxes(bytes, moov.start, moov.end)) {
    if (trak.type !== "trak") continue;
    for (const mdia of boxes(bytes, trak.start, trak.end)) {
      if (mdia.type !== "mdia") continue;
      for (const hdlr of boxes(bytes, mdia.start, mdia.end)) {
        // version/flags (4), pre_defined (4), handler_type (4)
        if (hdlr.type === "hdlr" && hdlr.end - hdlr.start >= 12) handlers.add(ascii(bytes, hdlr.start + 8, hdlr.start + 12));
      }
    }
  }
  return handlers;
}

function detectIsoMedia(bytes: Buffer): DetectedMediaType | null {
  const ftypSize = bytes.readUInt32BE(0);
  if (ftypSize < 16 || ftypSize > bytes.length) return null;
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= ftypSize; at += 4) brands.push(ascii(bytes, at, at + 4));
  const major = brands[0];
  if (/^3g[p2]/.test(major)) return MEDIA_TYPES["3gp"];
  if (["qt  ", "crx ", "heic", "heix", "mif1", "msf1", "avif", "avis"].includes(major)) return null; // QuickTime, camera raw, HEIF/AVIF images
  if (["M4A ", "M4B ", "M4P "].includes(major)) return MEDIA_TYPES.m4a;
  if (!brands.some((b) => /^(iso[2-9m]|mp4[12]|avc1|M4V |M4VH|M4VP|mmp4|dash|f4v |MSNV)$/.test(b))) return null;
  // A generic MP4 brand says nothing about audio-only: the tracks do.
  const handlers = trackHandlers(bytes);
  if (handlers && !handlers.has("vide") && handlers.has("soun")) return MEDIA_TYPES.m4a;
  return MEDIA_TYPES.mp4;
}

// --- Office documents ---------------------------------------------------------------------------

const OOXML_MAIN = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": MEDIA_TYPES.docx,
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": MEDIA_TYPES.xlsx,
} as const;

/** Largest [Content_Types].xml we inflate: real ones are a few KB. */
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

function detectOfficeOpenXml(bytes: Buffer): DetectedMediaType | null {
  const xml = readZipEntry(bytes, "[Content_Types].xml");
  if (!xml) return null;
  // The main part's Override names what the package is; a docm/xlsm/template has another type.
  for (const match of xml.matchAll(/ContentType\s*=\s*"([^"]+)"/g)) {
    const found = OOXML_MAIN[match[1] as keyof typeof OOXML_MAIN];
    if (found) return found;
  }
  return null;
}

/** One entry of a ZIP archive, found through the central directory, as text; null if absent or unreadable. */
function readZipEntry(bytes: Buffer, name: string): string | null {
  // End of central directory: 22 bytes plus a comment of up to 64 KiB, at the very end.
  const eocdSignature = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
  const eocd = bytes.lastIndexOf(eocdSignature, bytes.length - 22);
  if (eocd < 0 || eocd < bytes.length - 22 - 0xffff) return null;
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return null;
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localOffset = bytes.readUInt32LE(offset + 42);
    const entryName = bytes.toString("utf8", offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (entryName !== name) continue;
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== 0x04034b50) return null;
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (data.length !== compressedSize) return null;
    try {
      if (method === 0) return data.length <= MAX_CONTENT_TYPES_BYTES ? data.toString("utf8") : null;
      if (method === 8) return inflateRawSync(data, { maxOutputLength: MAX_CONTENT_TYPES_BYTES }).toString("utf8");
    } catch {
      return null;
    }
    return null;
  }
  return null;
}

/** Names of the streams in an OLE2 compound file's directory: Word has "WordDocument", Excel "Workbook" (or "Book" before 97). */
function detectCompoundFile(bytes: Buffer): DetectedMediaType | null {
  if (bytes.length < 512) return null;
  const sectorShift = bytes.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  // The FAT's sectors are listed in the header (the first 109; enough to reach the directory of
  // any file we accept, whose directory sits near the start).
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(bytes.readUInt32LE(0x4c + i * 4));
  const nextSector = (sector: number): number => {
    const perSector = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined || fatSector >= 0xfffffffa) return -1;
    const at = sectorOffset(fatSector) + (sector % perSector) * 4;
    return at + 4 <= bytes.length ? bytes.readUInt32LE(at) : -1;
  };
  const names = new Set<string>();
  let sector = bytes.readUInt32LE(0x30);
  for (let hops = 0; hops < 1024 && sector < 0xfffffffa; hops++) {
    const start = sectorOffset(sector);
    if (start + sectorSize > bytes.length) break;
    for (let entry = start; entry < start + sectorSize; entry += 128) {
      const nameBytes = bytes.readUInt16LE(entry + 0x40);
      const objectType = bytes[entry + 0x42];
      if (objectType === 2 && nameBytes >= 2 && nameBytes <= 64) names.add(bytes.toString("utf16le", entry, entry + nameBytes - 2));
    }
    sector = nextSector(sector);
    if (sector < 0) break;
  }
  if (names.has("WordDocument")) return MEDIA_TYPES.doc;
  if (names.has("Workbook") || names.has("Book")) return MEDIA_TYPES.xls;
  return null;
}
