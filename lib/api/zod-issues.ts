// Zod issues as a client can use them: one `{ path, message }` per problem, with the message in
// plain language ("must be at least 8 characters"), so a form can show every error next to its field
// at once. Shared by the API's 400 answers (lib/api/error-response.ts adds them as `issues`) and by
// the dashboard's forms, which validate with the same schemas before sending
// (components/ui/form-errors.ts). Pure: no server-only imports.
import type { ZodError } from "zod";

export interface FieldIssue {
  /** Dotted path of the field (`config.readReceipts`); "" for the input as a whole. */
  path: string;
  message: string;
}

type Issue = ZodError["issues"][number];

/** The languages the generic texts below come in (the dashboard's, lib/i18n); the API answers in English. */
export type IssueLanguage = "en" | "id";

/**
 * Zod's own texts are written for developers; these are the ones a person filling a form meets.
 * A schema's own message (a refine's) is kept as written.
 */
function plainMessage(issue: Issue, language: IssueLanguage): string {
  const text = genericMessage(issue, language);
  return language === "en" ? text : (SCHEMA_TEXTS[language][text] ?? text);
}

function genericMessage(issue: Issue, language: IssueLanguage): string {
  const say = TEXTS[language];
  switch (issue.code) {
    case "invalid_type":
      return isMissing(issue) ? say.required : say.mustBeA(issue.expected);
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1 ? say.required : issue.message.startsWith("Too small") ? say.minChars(issue.minimum) : issue.message;
      if (issue.origin === "array") return issue.message.startsWith("Too small") ? say.minItems(issue.minimum) : issue.message;
      return issue.message.startsWith("Too small") ? say.min(issue.minimum) : issue.message;
    case "too_big":
      if (issue.origin === "string") return issue.message.startsWith("Too big") ? say.maxChars(issue.maximum) : issue.message;
      return issue.message.startsWith("Too big") ? say.max(issue.maximum) : issue.message;
    case "invalid_value":
      return issue.message.startsWith("Invalid option") ? say.oneOf(issue.values.map(String).join(", ")) : issue.message;
    case "unrecognized_keys":
      return say.unknownFields(issue.keys);
    default:
      return issue.message;
  }
}

/** Zod 4 leaves the input out of its issues unless asked, but its own text says what it received. */
function isMissing(issue: Issue): boolean {
  if (issue.input === null) return true;
  if (issue.input !== undefined) return false;
  const received = /received (\w+)$/.exec(issue.message)?.[1];
  return received === undefined || received === "undefined" || received === "null";
}

/**
 * The schemas' own English texts that the dashboard's forms can show (lib/users/users.schema.ts: sign
 * up, account, users), in the other languages; an API answer stays English.
 */
const SCHEMA_TEXTS: Record<Exclude<IssueLanguage, "en">, Record<string, string>> = {
  id: {
    "is required": "wajib diisi",
    "must be a valid email address": "harus berupa alamat email yang valid",
    "must be 3–32 characters: letters, digits, dot, underscore or dash": "harus 3–32 karakter: huruf, angka, titik, garis bawah atau tanda hubung",
    "must be at least 8 characters": "minimal 8 karakter",
    "must be at most 200 characters": "maksimal 200 karakter",
    "must be a phone number": "harus berupa nomor telepon",
    "username or email is required": "nama pengguna atau email wajib diisi",
    "at least one field is required": "setidaknya satu kolom wajib diisi",
    "must be a time zone such as Asia/Jakarta": "harus berupa zona waktu seperti Asia/Jakarta",
    "must be en (English) or id (Indonesian)": "harus en (Inggris) atau id (Indonesia)",
    "is required to set a new password": "wajib diisi untuk mengatur kata sandi baru",
  },
};

type Bound = number | bigint;

const TEXTS: Record<
  IssueLanguage,
  {
    required: string;
    mustBeA: (type: string) => string;
    minChars: (n: Bound) => string;
    minItems: (n: Bound) => string;
    min: (n: Bound) => string;
    maxChars: (n: Bound) => string;
    max: (n: Bound) => string;
    oneOf: (values: string) => string;
    unknownFields: (keys: string[]) => string;
  }
> = {
  en: {
    required: "is required",
    mustBeA: (type) => `must be a ${type}`,
    minChars: (n) => `must be at least ${n} characters`,
    minItems: (n) => `needs at least ${n}`,
    min: (n) => `must be at least ${n}`,
    maxChars: (n) => `must be at most ${n} characters`,
    max: (n) => `must be at most ${n}`,
    oneOf: (values) => `must be one of: ${values}`,
    unknownFields: (keys) => `is not a known field${keys.length > 1 ? "s" : ""}: ${keys.join(", ")}`,
  },
  id: {
    required: "wajib diisi",
    mustBeA: (type) => `harus berupa ${type}`,
    minChars: (n) => `minimal ${n} karakter`,
    minItems: (n) => `minimal ${n} item`,
    min: (n) => `minimal ${n}`,
    maxChars: (n) => `maksimal ${n} karakter`,
    max: (n) => `maksimal ${n}`,
    oneOf: (values) => `harus salah satu dari: ${values}`,
    unknownFields: (keys) => `bukan kolom yang dikenal: ${keys.join(", ")}`,
  },
};

export function zodIssues(error: ZodError, language: IssueLanguage = "en"): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: plainMessage(issue, language) }));
}

/** `{ field: message }`, the first problem of each field; form-level problems under "". */
export function fieldErrorsOf(issues: readonly FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path] ??= issue.message;
  return errors;
}
