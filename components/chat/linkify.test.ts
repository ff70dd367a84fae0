import { describe, expect, it } from "vitest";
import { linkify } from "./linkify";

describe("linkify", () => {
  it("turns http(s) and www. links into parts and keeps the text around them", () => {
    expect(linkify("See https://example.test/a?b=1 and www.shop.test.")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://example.test/a?b=1", href: "https://example.test/a?b=1" },
      { kind: "text", text: " and " },
      { kind: "link", text: "www.shop.test", href: "https://www.shop.test/" },
      { kind: "text", text: "." },
    ]);
  });

  it("leaves trailing punctuation out of the link", () => {
    expect(linkify("(http://x.test/path), ok")).toEqual([
      { kind: "text", text: "(" },
      { kind: "link", text: "http://x.test/path", href: "http://x.test/path" },
      { kind: "text", text: "), ok" },
    ]);
  });

  it("never links other schemes", () => {
    for (const text of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "JaVaScRiPt:alert(1)//https://x", "file:///etc/passwd"]) {
      expect(
        linkify(text)
          .filter((p) => p.kind === "link")
          .map((p) => (p as { href: string }).href.split(":")[0]),
      ).not.toContain("javascript");
    }
    expect(linkify("javascript:alert(1)")).toEqual([{ kind: "text", text: "javascript:alert(1)" }]);
  });

  it("returns plain text unchanged", () => {
    expect(linkify("no links here")).toEqual([{ kind: "text", text: "no links here" }]);
    expect(linkify("")).toEqual([{ kind: "text", text: "" }]);
  });
});
