import { describe, expect, it } from "vitest";
import { detectMediaType } from "@/lib/media/detect-media-type";
import { ACCEPTED_SAMPLES, compoundFile, sampleAudioOnlyMp4, sampleDocx, sampleEbml, zip } from "../../tests/fixtures/media-samples";

describe("detectMediaType", () => {
  it.each(ACCEPTED_SAMPLES.map((s) => [s.name, s] as const))("recognises %s from its bytes", async (_name, sample) => {
    expect(detectMediaType(await sample.bytes())?.mimetype).toBe(sample.mimetype);
  });

  it("tells an audio-only MP4 (generic brand) from a video by its tracks", () => {
    expect(detectMediaType(sampleAudioOnlyMp4())?.mimetype).toBe("audio/mp4");
  });

  it.each([
    ["an empty file", Buffer.alloc(0)],
    ["plain text", Buffer.from("hello, this is just text\n")],
    ["HTML", Buffer.from("<!doctype html><html><script>alert(1)</script></html>")],
    ["SVG", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
    ["a Windows executable", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)])],
    ["a plain ZIP archive", zip([["readme.txt", "not an office file"]])],
    [
      "a ZIP with a content-types part of another kind (PowerPoint)",
      sampleDocx("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
    ],
    ["a macro-enabled Word document (.docm)", sampleDocx("application/vnd.ms-word.document.macroEnabled.main+xml")],
    ["a compound file that is neither Word nor Excel", compoundFile("PowerPoint Document")],
    ["Matroska (not WebM)", sampleEbml("matroska")],
    ["random bytes", Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff))],
    ["a truncated PNG signature", Buffer.from([0x89, 0x50, 0x4e])],
  ])("refuses %s", (_what, bytes) => {
    expect(detectMediaType(bytes)).toBeNull();
  });

  it("finds the central directory of a ZIP with a trailing archive comment", () => {
    const docx = sampleDocx();
    const withComment = Buffer.concat([docx.subarray(0, docx.length - 2), Buffer.from([5, 0]), Buffer.from("hello")]);
    expect(detectMediaType(withComment)?.extension).toBe("docx");
  });
});
