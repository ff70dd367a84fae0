// The wizard's pasted or uploaded recipients: CSV with a header (number/phone column, any other
// columns become template fields), or simply one number per line. Pure, runs in the browser.
import { CsvReader } from "@/lib/recipient-lists/csv";

const PHONE_COLUMNS = ["number", "phone", "phonenumber", "whatsapp", "mobile", "jid", "msisdn", "tel"];

export type PastedRecipient = { number: string } & Record<string, string>;

export function parsePastedRecipients(text: string): PastedRecipient[] {
  const reader = new CsvReader();
  const rows = [...reader.push(text), ...reader.end()].map((r) => r.map((c) => c.trim()));
  if (rows.length === 0) return [];
  const header = rows[0].map((h) => h.toLowerCase().replace(/\s+/g, ""));
  const phoneIndex = header.findIndex((h) => PHONE_COLUMNS.includes(h));
  if (phoneIndex < 0) return rows.filter((r) => r[0]).map((r) => ({ number: r[0] }));
  return rows
    .slice(1)
    .filter((r) => r[phoneIndex])
    .map((r) => {
      const out: PastedRecipient = { number: r[phoneIndex] };
      rows[0].forEach((h, i) => {
        if (i !== phoneIndex && h && r[i]) out[h.trim()] = r[i];
      });
      return out;
    });
}
