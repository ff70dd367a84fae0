import { describe, expect, it } from "vitest";
import { prepareRecipients, sourceOf } from "@/lib/campaigns/prepare-recipients";
import type { RecipientInput } from "@/lib/campaigns/campaigns.schema";

describe("prepareRecipients", () => {
  it("normalises, de-duplicates, reports invalid rows and skips opted-out and incomplete ones", () => {
    const inputs: RecipientInput[] = [
      { number: "+1 555 010 0002", name: "Alice" },
      "15550100002@s.whatsapp.net",
      "not a number",
      { phone: "15550100003" },
      { jid: "15550100004@c.us", name: "Dan" },
      "120363000000000001@g.us",
    ];
    const { rows, report } = prepareRecipients(
      inputs.map((r, i) => sourceOf(r, i)),
      ["Hi {{Name}}"],
      new Set(["15550100004@s.whatsapp.net"]),
    );
    expect(rows.map((r) => [r.jid, r.status, r.reason])).toEqual([
      ["15550100002@s.whatsapp.net", "pending", null],
      [null, "skipped", expect.stringContaining("invalid number")],
      ["15550100003@s.whatsapp.net", "skipped", "missing field: Name"],
      ["15550100004@s.whatsapp.net", "skipped", "opted out"],
      [null, "skipped", expect.stringContaining("not a phone number")],
    ]);
    expect(rows.map((r) => r.position)).toEqual([0, 1, 2, 3, 4]);
    expect(report).toMatchObject({ accepted: 1, duplicates: 1, optedOut: 1, missingFields: 1 });
    expect(report.invalid.map((i) => i.origin)).toEqual(["recipients.2", "recipients.5"]);
  });
});
