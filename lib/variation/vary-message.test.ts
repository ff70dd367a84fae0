import { describe, expect, it } from "vitest";
import { varyMessage, varyMessages } from "@/lib/variation/vary-message";

const ALL = { useSynonyms: true, addEmojis: true, shuffleSentences: true };

describe("varyMessage", () => {
  it("gives the same variant for the same seed, and different ones across seeds", () => {
    const text = "{Hi|Hello|Hey} {{name}}! Thanks for your order. Our new offer is great. Please check it now. Reply soon.";
    expect(varyMessage(text, ALL, "s1")).toBe(varyMessage(text, ALL, "s1"));
    const variants = new Set(varyMessages(text, ALL, 10, "seed"));
    expect(variants.size).toBeGreaterThan(3);
    expect(varyMessages(text, ALL, 10, "seed")).toEqual([...varyMessages(text, ALL, 10, "seed")]);
  });

  it("resolves spintax, nested too, and leaves placeholders alone", () => {
    for (let i = 0; i < 20; i++) {
      const out = varyMessage("{Hi|Hello|{Hey|Yo}} {{name}}, your code is {{code}}", {}, `n${i}`);
      expect(out).toMatch(/^(Hi|Hello|Hey|Yo) \{\{name\}\}, your code is \{\{code\}\}$/);
    }
  });

  it("keeps URLs, e-mail addresses and numbers intact under every modification", () => {
    const text =
      "Hello {{name}}. Visit https://shop.example.com/new-offer?ref=great&now=1 today. Price: 1.250.000 or 3,50 at 10:30 on 2026-01-15. Mail help@example.com now! Great deal, thanks 100%.";
    const kept = ["{{name}}", "https://shop.example.com/new-offer?ref=great&now=1", "1.250.000", "3,50", "10:30", "2026-01-15", "help@example.com", "100%"];
    for (let i = 0; i < 30; i++) {
      const out = varyMessage(text, ALL, `k${i}`);
      for (const part of kept) expect(out, out).toContain(part);
    }
  });

  it("replaces words with synonyms from the English and Indonesian tables, keeping the case", () => {
    const en = new Set(varyMessages("Great offer", { useSynonyms: true, spintax: false }, 20, "en"));
    expect(en.size).toBeGreaterThan(1);
    for (const v of en) expect(v).toMatch(/^(Great|Excellent|Wonderful|Fantastic) (offer|deal)$/);
    const id = new Set(varyMessages("Terima kasih, barang bagus", { useSynonyms: true }, 20, "id"));
    expect([...id].some((v) => v !== "Terima kasih, barang bagus")).toBe(true);
    for (const v of id) expect(v).toMatch(/^(Terima kasih|Makasih|Trims), barang (bagus|keren|mantap)$/);
  });

  it("shuffles sentences but keeps the first one in front", () => {
    const text = "Hello Ann. One. Two. Three. Four.";
    const outs = varyMessages(text, { shuffleSentences: true }, 20, "sh");
    for (const out of outs) {
      expect(out.startsWith("Hello Ann.")).toBe(true);
      expect(out.split(" ").sort()).toEqual(text.split(" ").sort());
    }
    expect(new Set(outs).size).toBeGreaterThan(1);
  });

  it("adds an emoji by keyword", () => {
    expect(varyMessage("Thank you for the order", { addEmojis: true }, "e")).toContain("🙏");
    expect(varyMessage("Selamat ulang tahun", { addEmojis: true }, "e")).toMatch(/🎂|🎉/);
  });

  it("changes nothing without modifications and without spintax", () => {
    expect(varyMessage("Hi {{name}}, 50% off at https://x.example/a", {}, "z")).toBe("Hi {{name}}, 50% off at https://x.example/a");
  });
});
