import { describe, expect, it } from "vitest";
import { resolveLocale, translate } from "./messages";

describe("resolveLocale", () => {
  it("prefers the account's choice, then the browser's languages in order", () => {
    expect(resolveLocale("id", "en-US")).toBe("id");
    expect(resolveLocale(null, "id-ID,id;q=0.9,en;q=0.8")).toBe("id");
    expect(resolveLocale(null, "fr-FR,en;q=0.5,id;q=0.4")).toBe("en");
    expect(resolveLocale(undefined, "fr")).toBe("en");
    expect(resolveLocale("xx", null)).toBe("en");
  });
});

describe("translate", () => {
  it("has Indonesian for the shell", () => {
    expect(translate("id", "nav.sessions")).toBe("Sesi");
    expect(translate("en", "nav.sessions")).toBe("Sessions");
  });
});

describe("translate with variables", () => {
  it("fills {name} placeholders and leaves unknown ones alone", () => {
    expect(translate("en", "common.showing", { from: 1, to: 50, total: 1234 })).toBe("Showing 1–50 of 1234");
    expect(translate("id", "common.showing", { from: 1, to: 50, total: 7 })).toBe("Menampilkan 1–50 dari 7");
    expect(translate("en", "common.showing", { from: 1 })).toBe("Showing 1–{to} of {total}");
  });
});
