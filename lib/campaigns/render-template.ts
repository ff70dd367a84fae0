// Campaign templates: `{{Name}}`, `{{Company}}` and any recipient field, with a fallback after a bar
// (`{{Name|there}}`). A field that is missing (or empty) and has no fallback is not papered over:
// the recipient is skipped with a reason rather than sent "Hello {{Name}}". Pure.

export type Fields = Record<string, unknown>;
export type Rendered = { ok: true; text: string } | { ok: false; missing: string };

const PLACEHOLDER = /\{\{\s*([^{}|]+?)\s*(?:\|([^{}]*))?\}\}/g;

/** Names that the Campaign API's documents use for the same field (`{{Company}}` ↔ companyName). */
const ALIASES: Record<string, string[]> = {
  company: ["companyname", "company_name"],
  companyname: ["company"],
  phone: ["number", "phonenumber"],
  number: ["phone"],
  name: ["fullname", "full_name"],
};

/** Case-, space- and underscore-insensitive key: `First Name`, `first_name` and `firstName` match. */
const keyOf = (name: string) => name.toLowerCase().replace(/[\s-]+/g, "");

export function lookupField(fields: Fields, name: string): string | null {
  const index = new Map<string, unknown>();
  for (const [k, v] of Object.entries(fields)) index.set(keyOf(k), v);
  const key = keyOf(name);
  for (const candidate of [key, ...(ALIASES[key] ?? [])]) {
    const value = index.get(candidate);
    if (value !== undefined && value !== null && String(value).trim() !== "") return String(value);
  }
  return null;
}

export function renderTemplate(template: string, fields: Fields): Rendered {
  let missing: string | null = null;
  const text = template.replace(PLACEHOLDER, (_match, name: string, fallback: string | undefined) => {
    const value = lookupField(fields, name);
    if (value !== null) return value;
    if (fallback !== undefined) return fallback.trim();
    missing ??= name;
    return "";
  });
  return missing === null ? { ok: true, text } : { ok: false, missing };
}

/** The field names a template uses (for the wizard's column hints). */
export function templateFields(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}
