// The dashboard's form convention (components/README.md, "Forms"): validate with the same zod schema
// the API uses before sending, show every problem at once next to its field, and map a 400 from the
// API (`{ error, issues }`) onto the same fields. Field names are the schema's dotted paths.
import type { z } from "zod";
import { fieldErrorsOf, zodIssues, type FieldIssue } from "@/lib/api/zod-issues";

export type FieldErrors = Record<string, string>;

/** `{ data }` when the values pass the schema, `{ errors }` (one per field) when they do not. */
export function validateForm<S extends z.ZodType>(schema: S, values: unknown): { data: z.output<S>; errors: null } | { data: null; errors: FieldErrors } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { data: parsed.data, errors: null };
  // Forms validate in the browser, on submit: the page's language is on <html> (set by the shell).
  const language = typeof document !== "undefined" && document.documentElement.lang === "id" ? "id" : "en";
  return { data: null, errors: fieldErrorsOf(zodIssues(parsed.error, language)) };
}

/**
 * An API failure as field errors: the `issues` of a 400; else a one-line error that names one of the
 * form's `fields` ("username: already in use", a 409) goes under that field; anything else under "".
 */
export function fieldErrorsFromApi(error: unknown, fields: readonly string[] = []): FieldErrors {
  if (error instanceof ApiError && error.issues.length > 0) return fieldErrorsOf(error.issues);
  const message = error instanceof Error ? error.message : "Something went wrong";
  const named = /^([\w.]+): (.+)$/.exec(message);
  if (named && fields.includes(named[1])) return { [named[1]]: named[2] };
  return { "": message };
}

/** Thrown by requestJson for a non-2xx answer: the API's `error`, plus `issues` when it sent them. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** "must be at least 8 characters" → "Must be at least 8 characters." for display under a field. */
export function sentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  return `${text[0].toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? "" : "."}`;
}
