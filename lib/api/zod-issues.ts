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

/** Zod's own texts are written for developers; these are the ones a person filling a form meets. */
function plainMessage(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? "is required" : `must be a ${issue.expected}`;
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? "is required"
          : issue.message.startsWith("Too small")
            ? `must be at least ${issue.minimum} characters`
            : issue.message;
      if (issue.origin === "array") return issue.message.startsWith("Too small") ? `needs at least ${issue.minimum}` : issue.message;
      return issue.message.startsWith("Too small") ? `must be at least ${issue.minimum}` : issue.message;
    case "too_big":
      if (issue.origin === "string") return issue.message.startsWith("Too big") ? `must be at most ${issue.maximum} characters` : issue.message;
      return issue.message.startsWith("Too big") ? `must be at most ${issue.maximum}` : issue.message;
    case "invalid_value":
      return issue.message.startsWith("Invalid option") ? `must be one of: ${issue.values.map(String).join(", ")}` : issue.message;
    case "unrecognized_keys":
      return `is not a known field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
    default:
      return issue.message;
  }
}

export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: plainMessage(issue) }));
}

/** `{ field: message }`, the first problem of each field; form-level problems under "". */
export function fieldErrorsOf(issues: readonly FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path] ??= issue.message;
  return errors;
}
