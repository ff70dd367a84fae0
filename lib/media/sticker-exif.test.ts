import { describe, expect, it } from "vitest";
import { buildStickerExif, parseStickerExif, STICKER_METADATA_TAG } from "@/lib/media/sticker-exif";
import { readWebpChunks, setWebpExif } from "@/lib/media/webp-container";

const metadata = { "sticker-pack-id": "3f1c2a", "sticker-pack-name": "Kucing lucu 🐱", "sticker-pack-publisher": "Wagate", emojis: ["😺"] };

describe("sticker EXIF", () => {
  it("parses back to the JSON WhatsApp reads", () => {
    expect(parseStickerExif(buildStickerExif(metadata))).toEqual(metadata);
  });

  it("is a well-formed little-endian TIFF with one IFD entry (tag 0x5741, UNDEFINED, count = JSON bytes)", () => {
    const exif = buildStickerExif(metadata);
    const json = Buffer.from(JSON.stringify(metadata), "utf8");
    expect(exif.toString("latin1", 0, 2)).toBe("II");
    expect(exif.readUInt16LE(2)).toBe(42);
    const ifd = exif.readUInt32LE(4);
    expect(exif.readUInt16LE(ifd)).toBe(1);
    expect(exif.readUInt16LE(ifd + 2)).toBe(STICKER_METADATA_TAG);
    expect(exif.readUInt16LE(ifd + 4)).toBe(7);
    expect(exif.readUInt32LE(ifd + 6)).toBe(json.length);
    const valueOffset = exif.readUInt32LE(ifd + 10);
    expect(exif.readUInt32LE(ifd + 14)).toBe(0); // no next IFD
    expect(exif.subarray(valueOffset)).toEqual(json);
  });

  it("reads a big-endian block too, and says null for anything else", () => {
    const le = buildStickerExif(metadata);
    const be = Buffer.from(le);
    be.write("MM", 0, "latin1");
    be.writeUInt16BE(42, 2);
    be.writeUInt32BE(8, 4);
    be.writeUInt16BE(1, 8);
    be.writeUInt16BE(STICKER_METADATA_TAG, 10);
    be.writeUInt16BE(7, 12);
    be.writeUInt32BE(le.readUInt32LE(14), 14);
    be.writeUInt32BE(le.readUInt32LE(18), 18);
    expect(parseStickerExif(be)).toEqual(metadata);
    expect(parseStickerExif(Buffer.from("not exif at all"))).toBeNull();
    expect(parseStickerExif(le.subarray(0, 30))).toBeNull();
  });
});

describe("WebP container", () => {
  // A simple-format lossless 1×1 WebP (VP8L): header fields only matter here.
  const vp8l = Buffer.from([0x2f, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00]);
  const simple = Buffer.concat([
    Buffer.from("RIFF"),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from("WEBP"),
    Buffer.from("VP8L"),
    Buffer.from([vp8l.length, 0, 0, 0]),
    vp8l,
  ]);
  simple.writeUInt32LE(simple.length - 8, 4);

  it("turns a simple-format WebP into the extended format with an EXIF chunk", () => {
    const exif = buildStickerExif(metadata);
    const out = setWebpExif(simple, exif);
    const chunks = readWebpChunks(out);
    expect(chunks.map((c) => c.fourcc)).toEqual(["VP8X", "VP8L", "EXIF"]);
    expect(chunks[0].data[0] & 0x08).toBe(0x08); // EXIF flag
    expect(chunks[0].data.readUIntLE(4, 3) + 1).toBe(1); // canvas width
    expect(chunks[0].data.readUIntLE(7, 3) + 1).toBe(1); // canvas height
    expect(parseStickerExif(chunks[2].data)).toEqual(metadata);
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
  });

  it("replaces an earlier EXIF chunk instead of adding a second", () => {
    const once = setWebpExif(simple, buildStickerExif({ ...metadata, "sticker-pack-name": "first" }));
    const twice = setWebpExif(once, buildStickerExif(metadata));
    const exifChunks = readWebpChunks(twice).filter((c) => c.fourcc === "EXIF");
    expect(exifChunks).toHaveLength(1);
    expect(parseStickerExif(exifChunks[0].data)?.["sticker-pack-name"]).toBe(metadata["sticker-pack-name"]);
  });
});
