import { describe, expect, it } from "vitest";
import { renderTemplate, templateFields } from "@/lib/campaigns/render-template";

describe("renderTemplate", () => {
  it("fills fields case-insensitively, with the Campaign API's aliases", () => {
    expect(renderTemplate("Hello {{Name}} from {{Company}}!", { name: "Ada", companyName: "Acme" })).toEqual({ ok: true, text: "Hello Ada from Acme!" });
    expect(renderTemplate("{{ first name }}/{{JOB_TITLE}}", { firstName: "Bo", job_title: "CEO" })).toEqual({ ok: true, text: "Bo/CEO" });
  });
  it("uses the fallback for a missing or empty field", () => {
    expect(renderTemplate("Hi {{Name|there}}", {})).toEqual({ ok: true, text: "Hi there" });
    expect(renderTemplate("Hi {{Name|there}}", { name: "  " })).toEqual({ ok: true, text: "Hi there" });
    expect(renderTemplate("Hi {{Name|}}!", {})).toEqual({ ok: true, text: "Hi !" });
  });
  it("names the first missing field that has no fallback", () => {
    expect(renderTemplate("Hi {{Name}}, {{City}}", { city: "Oslo" })).toEqual({ ok: false, missing: "Name" });
  });
  it("leaves text without placeholders alone and lists the fields used", () => {
    expect(renderTemplate("Hello {world}", {})).toEqual({ ok: true, text: "Hello {world}" });
    expect(templateFields("{{Name|x}} {{Company}} {{Name}}")).toEqual(["Name", "Company"]);
  });
});
