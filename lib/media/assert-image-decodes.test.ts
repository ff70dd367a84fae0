import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { assertImageDecodes } from "@/lib/media/assert-image-decodes";

const png = () =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: "#3366cc" } })
    .png()
    .toBuffer();

describe("assertImageDecodes", () => {
  it("passes a real PNG and JPEG, and ignores types it does not decode", async () => {
    await expect(assertImageDecodes(await png(), "image/png")).resolves.toBeUndefined();
    const jpeg = await sharp(await png())
      .jpeg()
      .toBuffer();
    await expect(assertImageDecodes(jpeg, "image/jpeg")).resolves.toBeUndefined();
    await expect(assertImageDecodes(Buffer.from("%PDF-1.4 whatever"), "application/pdf")).resolves.toBeUndefined();
  });

  it("refuses a PNG whose header is right but whose pixels are garbage or missing, as a 400 naming the file", async () => {
    const real = await png();
    const truncated = real.subarray(0, Math.floor(real.length / 2));
    const garbage = Buffer.concat([real.subarray(0, 33), Buffer.alloc(200, 0x41)]);
    for (const bytes of [truncated, garbage]) {
      await expect(assertImageDecodes(bytes, "image/png")).rejects.toMatchObject({
        status: 400,
        message: expect.stringMatching(/^file: the PNG image could not be decoded/),
      });
    }
  });
});
