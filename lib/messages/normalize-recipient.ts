// Turns whatever a caller wrote as a recipient — a phone number in any common form or a WhatsApp
// ID — into the JID Baileys sends to. Pure apart from the DEFAULT_COUNTRY_CODE default.
import { AppError } from "@/lib/errors/app-error";
import { env } from "@/lib/env";

export interface NormalizeOptions {
  /** Digits put in front of a local number's trunk 0 (Ultimate WhatsApp Gateway: 08… → 628… with "62"). "" = none. */
  defaultCountryCode?: string;
  /** How the input field is named in the error message. */
  field?: string;
}

/** Servers of the JIDs we accept, and what the user part may look like on each. */
const JID_USERS: Record<string, RegExp> = {
  "s.whatsapp.net": /^\d{5,20}$/,
  "g.us": /^\d{5,24}(-\d{5,12})?$/, // 1203630…@g.us, or the old creator-timestamp form
  lid: /^\d{5,24}$/,
  broadcast: /^(status|\d{5,20})$/, // status@broadcast, or a broadcast list
  newsletter: /^\d{5,24}$/,
};

/** Phone numbers: E.164 allows at most 15 digits; anything under 7 is not a reachable number. */
const PHONE_DIGITS = /^\d{7,15}$/;

function invalid(field: string, input: string, why = "is not a valid phone number or WhatsApp ID"): AppError {
  const shown = input.length > 64 ? `${input.slice(0, 64)}…` : input;
  return new AppError("BAD_REQUEST", `${field}: '${shown}' ${why}`);
}

/**
 * `+62 812-3456-789`, `(0812) 3456 789` (with country 62), `0062812…`, `628123456789`,
 * `628123456789@s.whatsapp.net`, `…@c.us`, `…@g.us`, `…@lid`, `status@broadcast` → a JID.
 * Anything else is a 400 that names the recipient.
 */
export function normalizeRecipient(input: string, options: NormalizeOptions = {}): string {
  const field = options.field ?? "jid";
  const raw = input.trim();
  if (!raw) throw invalid(field, input);

  if (raw.includes("@")) {
    const at = raw.lastIndexOf("@");
    let user = raw.slice(0, at).trim();
    let server = raw
      .slice(at + 1)
      .trim()
      .toLowerCase();
    if (server === "c.us") server = "s.whatsapp.net"; // the whatsapp-web.js spelling
    // A device JID (6281…:12@s.whatsapp.net) addresses the account, not one device.
    if (server === "s.whatsapp.net" || server === "lid") user = user.replace(/[:.]\d+$/, "");
    if (server === "s.whatsapp.net") user = user.replace(/^\+/, "");
    const pattern = JID_USERS[server];
    if (!pattern || !pattern.test(user)) throw invalid(field, input);
    return `${user}@${server}`;
  }

  // A phone number: drop the usual separators, and the "(0)" some write after the country code.
  let number = raw.replace(/\(0\)/g, "").replace(/[\s\-.()/\u00a0]/g, "");
  if (number.startsWith("+")) number = number.slice(1);
  else if (number.startsWith("00")) number = number.slice(2);
  else if (number.startsWith("0")) {
    const country = options.defaultCountryCode ?? env.DEFAULT_COUNTRY_CODE;
    if (!country) throw invalid(field, input, "is a local number (leading 0) and no DEFAULT_COUNTRY_CODE is set; use the international format");
    number = country + number.replace(/^0+/, "");
  }
  if (!PHONE_DIGITS.test(number)) throw invalid(field, input);
  return `${number}@s.whatsapp.net`;
}
