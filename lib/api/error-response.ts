import { ZodError } from "zod";
import { AppError } from "@/lib/errors/app-error";
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

/**
 * Database errors that are the request's doing rather than a fault: a unique-constraint race
 * between two concurrent writes (P2002) or a serialization/deadlock abort (P2034) is a 409 the
 * client can retry; a value too long for its column (P2000) is a 400. Detected by Prisma's error
 * code, without importing the generated client here; a statement sent on the pool directly
 * (lib/db/direct-sql.ts) fails with pg's error, which carries PostgreSQL's SQLSTATE instead.
 */
const DATABASE_ERRORS: Record<string, [number, string]> = {
  P2002: [409, "Conflicts with a concurrent change; try again"],
  P2034: [409, "Conflicts with a concurrent change; try again"],
  P2000: [400, "A value is too long"],
};
const SQLSTATES: Record<string, [number, string]> = {
  "23505": DATABASE_ERRORS.P2002,
  "40001": DATABASE_ERRORS.P2034,
  "40P01": DATABASE_ERRORS.P2034,
  "22001": DATABASE_ERRORS.P2000,
};

function databaseError(error: unknown): [number, string] | null {
  const code = (error as { code?: unknown; name?: unknown } | null)?.code;
  const name = String((error as { name?: unknown } | null)?.name ?? "");
  if (typeof code !== "string") return null;
  if (name.startsWith("PrismaClient")) return DATABASE_ERRORS[code] ?? null;
  // pg's DatabaseError: a server-reported error, with its severity.
  if (typeof (error as { severity?: unknown }).severity === "string") return SQLSTATES[code] ?? null;
  return null;
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
  const known = databaseError(error);
  if (known) {
    logger.warn({ err: error, ...context }, "database refused a write");
    return Response.json({ error: known[1] }, { status: known[0] });
  }
  logger.error({ err: error, ...context }, "unhandled error in API route");
  return Response.json({ error: "Internal server error" }, { status: 500 });
}
