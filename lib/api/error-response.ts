import { ZodError } from "zod";
import { AppError } from "@/lib/api/app-error";
import { logger } from "@/lib/logger";
import { zodIssues } from "@/lib/api/zod-issues";

/** Names the first offending field, e.g. `config.readReceipts: expected boolean`. */
export function describeZodError(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "Invalid input";
  const where = issue.path.length ? issue.path.map(String).join(".") : null;
  if (issue.code === "unrecognized_keys") {
    const prefix = where ? `${where}.` : "";
    return `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.map((k) => prefix + k).join(", ")}`;
  }
  return where ? `${where}: ${issue.message}` : issue.message;
}

export function errorResponse(error: unknown, context?: Record<string, unknown>): Response {
  if (error instanceof AppError) {
    return Response.json({ error: error.message }, { status: error.status, headers: error.headers });
  }
  if (error instanceof ZodError) {
    // `error` stays the one-line summary older clients read; `issues` lists every problem by field
    // so a form can show them all at once (lib/api/zod-issues.ts).
    return Response.json({ error: describeZodError(error), issues: zodIssues(error) }, { status: 400 });
  }
  logger.error({ err: error, ...context }, "unhandled error in API route");
  return Response.json({ error: "Internal server error" }, { status: 500 });
}
