// A rule's keyword as a matcher. REGEX rules run on RE2 (re2js: linear time in the input, no
// backreferences or lookaround), so no pattern can stall the process however it is written; a
// pattern RE2 cannot compile is refused when the rule is saved.
import { RE2JS } from "re2js";

/** Longest REGEX keyword accepted (documented in the README). */
export const MAX_REGEX_LENGTH = 200;
/**
 * Longest message a REGEX rule looks at. RE2 is linear, but linear in 64 KB is still ~100 ms of
 * event loop per rule (measured with re2js on this machine); longer messages are left to EXACT and
 * CONTAINS rules rather than cut (cutting would change what `$` means).
 */
export const MAX_REGEX_INPUT = 4096;

export type KeywordMatcher = (text: string) => boolean;

/** The reason RE2 refuses a pattern, or null when it compiles. */
export function regexProblem(pattern: string, caseSensitive: boolean): string | null {
  if (pattern.length > MAX_REGEX_LENGTH) return `a REGEX pattern must be at most ${MAX_REGEX_LENGTH} characters`;
  try {
    RE2JS.compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
    return null;
  } catch (error) {
    return `is not a pattern the RE2 engine accepts (${(error as Error).message}); backreferences and lookaround are not supported`;
  }
}

const cache = new Map<string, KeywordMatcher>();
const CACHE_LIMIT = 1000;

export function compileKeyword(rule: { keyword: string; matchType: "EXACT" | "CONTAINS" | "REGEX"; caseSensitive: boolean }): KeywordMatcher {
  const cacheKey = `${rule.matchType}:${rule.caseSensitive ? 1 : 0}:${rule.keyword}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const fold = (s: string) => (rule.caseSensitive ? s : s.toLocaleLowerCase());
  let matcher: KeywordMatcher;
  if (rule.matchType === "REGEX") {
    try {
      const re = RE2JS.compile(rule.keyword, rule.caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
      matcher = (text) => text.length <= MAX_REGEX_INPUT && re.matcher(text).find();
    } catch {
      // Refused at save time; a rule stored before a stricter engine simply never matches.
      matcher = () => false;
    }
  } else if (rule.matchType === "EXACT") {
    const keyword = fold(rule.keyword.trim());
    matcher = (text) => fold(text.trim()) === keyword;
  } else {
    const keyword = fold(rule.keyword);
    matcher = (text) => fold(text).includes(keyword);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cacheKey, matcher);
  return matcher;
}
