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
