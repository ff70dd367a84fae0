// Input that no handler should ever see: PostgreSQL refuses a NUL byte in text (a 500 deep inside
// Prisma), and a lone UTF-16 surrogate cannot be encoded as UTF-8 (lost or refused further down).
// withAuth runs every body, query and path parameter through here before zod.
import { AppError } from "@/lib/errors/app-error";

/** Deeper than any input of ours; deep enough nesting overflows the stack of recursive walkers. */
export const MAX_JSON_DEPTH = 32;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a string, or null. */
export function stringProblem(value: string): string | null {
  if (value.includes("\u0000")) return "must not contain NUL characters";
  if (LONE_SURROGATE.test(value)) return "contains an invalid Unicode character (a lone surrogate)";
  return null;
}

const fieldName = (path: Array<string | number>, root: string) => (path.length ? path.join(".") : root);

/** Throws a 400 naming the first string (or object key) with a NUL or a lone surrogate. */
export function assertCleanInput(value: unknown, root: string): void {
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value, path: [] }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === "string") {
      const problem = stringProblem(current);
      if (problem) throw new AppError("BAD_REQUEST", `${fieldName(path, root)}: ${problem}`);
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    } else if (current && typeof current === "object") {
      for (const [key, item] of Object.entries(current)) {
        const problem = stringProblem(key);
        if (problem) throw new AppError("BAD_REQUEST", `${fieldName(path, root)}: a field name ${problem}`);
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
}

/**
 * The nesting depth of a JSON text, counted without parsing (strings skipped), so that a
 * 5,000-deep document is refused before anything recursive walks it.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) max = depth;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return max;
}

/** JSON.parse with the guards above: invalid JSON, too deep, NUL or lone surrogates are a 400. */
export function parseJsonBody(text: string): unknown {
  if (!text.trim()) return {};
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new AppError("BAD_REQUEST", `Request body is nested too deeply (more than ${MAX_JSON_DEPTH} levels)`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "Request body is not valid JSON");
  }
  assertCleanInput(parsed, "body");
  return parsed;
}
