import { describe, expect, it } from "vitest";
import { parsePastedRecipients } from "@/components/campaigns/parse-pasted-recipients";

describe("parsePastedRecipients", () => {
  it("reads CSV with a header, keeping other columns as fields", () => {
    expect(parsePastedRecipients("Phone,Name,Company\n+1 555 0100,Ada,Acme\n,Nobody,x\n15550101,Bo,")).toEqual([
      { number: "+1 555 0100", Name: "Ada", Company: "Acme" },
      { number: "15550101", Name: "Bo" },
    ]);
  });
  it("reads one number per line without a header", () => {
    expect(parsePastedRecipients("15550100\n\n15550101\n")).toEqual([{ number: "15550100" }, { number: "15550101" }]);
  });
});
