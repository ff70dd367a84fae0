import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { detectMediaType } from "@/lib/media/detect-media-type";
import { makeSticker } from "@/lib/media/make-sticker";
import { parseStickerExif } from "@/lib/media/sticker-exif";
import { readWebpChunks } from "@/lib/media/webp-container";
import { sampleJpeg, samplePng, sampleWebp } from "../../tests/fixtures/media-samples";

async function pixel(webp: Buffer, x: number, y: number) {
  const { data, info } = await sharp(webp).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * 4;
  return { r: data[at], g: data[at + 1], b: data[at + 2], a: data[at + 3] };
}

describe("makeSticker", () => {
  it("makes a wide PNG into a 512×512 WebP with alpha, the picture centred and transparent bands above and below", async () => {
    const sticker = await makeSticker(await samplePng(300, 100), { pack: "My pack", author: "Me" });
    const meta = await sharp(sticker).metadata();
    expect(meta.format).toBe("webp");
    expect([meta.width, meta.height]).toEqual([512, 512]);
    expect(meta.hasAlpha).toBe(true);
    expect(detectMediaType(sticker)?.mimetype).toBe("image/webp");
    // 300×100 scaled to 512 wide is about 171 high: rows 0..170 and 342..511 are padding.
    expect((await pixel(sticker, 256, 10)).a).toBe(0);
    expect((await pixel(sticker, 256, 500)).a).toBe(0);
    expect((await pixel(sticker, 256, 256)).a).toBe(255);
    expect(sticker.length).toBeLessThanOrEqual(100 * 1024);
  });

  it("keeps the aspect ratio of a tall image (transparent bands left and right)", async () => {
    const sticker = await makeSticker(await sampleJpeg(50, 200));
    expect((await pixel(sticker, 5, 256)).a).toBe(0);
    expect((await pixel(sticker, 506, 256)).a).toBe(0);
    expect((await pixel(sticker, 256, 256)).a).toBe(255);
  });

  it("carries the pack metadata WhatsApp shows, readable by a standard EXIF reader", async () => {
    const sticker = await makeSticker(await sampleWebp(), { pack: "Kucing", author: "Toko Budi" });
    const chunks = readWebpChunks(sticker);
    expect(chunks[0].fourcc).toBe("VP8X");
    expect(chunks[0].data[0] & 0x18).toBe(0x18); // alpha and EXIF flags
    const exif = chunks.find((c) => c.fourcc === "EXIF")!.data;
    const metadata = parseStickerExif(exif);
    expect(metadata).toMatchObject({ "sticker-pack-name": "Kucing", "sticker-pack-publisher": "Toko Budi" });
    expect(metadata?.["sticker-pack-id"]).toMatch(/^[0-9a-f-]{36}$/);
    // libvips (sharp) finds the same block.
    expect(parseStickerExif((await sharp(sticker).metadata()).exif!)).toEqual(metadata);
  });

  it("refuses bytes that are not an image", async () => {
    await expect(makeSticker(Buffer.from("%PDF-1.4 not an image"))).rejects.toThrow();
  });
});
