import { describe, expect, it } from "vitest";
import { cleanFileName } from "@/lib/media/clean-file-name";
import { contentDisposition } from "@/lib/media/content-disposition";

describe("cleanFileName", () => {
  it.each([
    ["report.pdf", "report.pdf"],
    ["../../etc/passwd", "passwd"],
    ["C:\\\\Users\\\\me\\\\photo.jpg", "photo.jpg"],
    ["evil\u202Efdp.exe", "evilfdp.exe"],
    ["line\r\nbreak.txt", "linebreak.txt"],
    ["  spaced   out  .docx ", "spaced out .docx"],
    ["..", null],
    ["", null],
    [null, null],
  ])("%j → %j", (input, expected) => {
    expect(cleanFileName(input)).toBe(expected);
  });

  it("keeps at most 200 characters without splitting an emoji", () => {
    const name = cleanFileName(`${"a".repeat(199)}😀😀.pdf`)!;
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith("😀")).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("attachment", 'Laporan "Q1" – final.pdf')).toBe(
      `attachment; filename="Laporan _Q1_ _ final.pdf"; filename*=UTF-8''Laporan%20%22Q1%22%20%E2%80%93%20final.pdf`,
    );
  });

  it("cannot be broken out of with quotes, semicolons or line breaks", () => {
    const header = contentDisposition("inline", 'a";\r\nSet-Cookie: x=1;.jpg');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
  });
});
