// Turns what a caller gave as recipients (inline and from lists) into campaign recipient rows:
// numbers normalised and de-duplicated, invalid ones reported per row (never fatal), opted-out
// numbers and rows whose template fields are missing skipped with the reason. Pure apart from
// DEFAULT_COUNTRY_CODE (through normalizeRecipient).
import { AppError } from "@/lib/errors/app-error";
import { renderTemplate, type Fields } from "@/lib/campaigns/render-template";
import type { RecipientInput } from "@/lib/campaigns/campaigns.schema";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";

export interface RecipientSource {
  phone: string;
  fields: Fields;
  /** Where it came from, for the report: `recipients.3` or `list <name>, row 12`. */
  origin: string;
}

export interface PreparedRecipient {
  position: number;
  phone: string;
  jid: string | null;
  fields: Fields;
  status: "pending" | "skipped";
  reason: string | null;
}

export interface RecipientReport {
  accepted: number;
  invalid: Array<{ origin: string; phone: string; error: string }>;
  duplicates: number;
  optedOut: number;
  missingFields: number;
}

/** The number and the template fields of an inline recipient. */
export function sourceOf(input: RecipientInput, index: number, prefix = "recipients"): RecipientSource {
  if (typeof input === "string") return { phone: input, fields: {}, origin: `${prefix}.${index}` };
  const { number, phone, jid, ...fields } = input;
  return { phone: (number ?? phone ?? jid)!, fields, origin: `${prefix}.${index}` };
}

/** Normalises a phone number to a person's JID, or says why it cannot be one. */
export function normalizePhone(phone: string): { jid: string } | { error: string } {
  try {
    const jid = normalizeRecipient(phone, { field: "number" });
    if (!jid.endsWith("@s.whatsapp.net")) return { error: "is not a phone number (groups, channels and broadcast lists cannot be campaign recipients)" };
    return { jid };
  } catch (error) {
    if (error instanceof AppError) return { error: error.message.replace(/^number: '.*?' /, "") };
    throw error;
  }
}

export function prepareRecipients(sources: Iterable<RecipientSource>, templates: string[], optedOut: ReadonlySet<string>) {
  const rows: PreparedRecipient[] = [];
  const report: RecipientReport = { accepted: 0, invalid: [], duplicates: 0, optedOut: 0, missingFields: 0 };
  const seen = new Set<string>();
  for (const source of sources) {
    const normalized = normalizePhone(source.phone);
    if ("error" in normalized) {
      // Reported, and kept as a skipped row so the campaign shows it too; the first 1000 in the answer.
      if (report.invalid.length < 1000) report.invalid.push({ origin: source.origin, phone: source.phone, error: normalized.error });
      rows.push({
        position: rows.length,
        phone: source.phone.slice(0, 128),
        jid: null,
        fields: source.fields,
        status: "skipped",
        reason: `invalid number: ${normalized.error}`,
      });
      continue;
    }
    if (seen.has(normalized.jid)) {
      report.duplicates++;
      continue;
    }
    seen.add(normalized.jid);
    let status: PreparedRecipient["status"] = "pending";
    let reason: string | null = null;
    if (optedOut.has(normalized.jid)) {
      status = "skipped";
      reason = "opted out";
      report.optedOut++;
    } else {
      for (const template of templates) {
        const rendered = renderTemplate(template, { ...source.fields, phone: normalized.jid.split("@")[0] });
        if (!rendered.ok) {
          status = "skipped";
          reason = `missing field: ${rendered.missing}`;
          report.missingFields++;
          break;
        }
      }
    }
    if (status === "pending") report.accepted++;
    rows.push({ position: rows.length, phone: source.phone, jid: normalized.jid, fields: source.fields, status, reason });
  }
  return { rows, report };
}
