import { describe, expect, it } from "vitest";
import { regexProblem } from "@/lib/autoreplies/compile-keyword";
import { findMatchingRule, type RuleForMatching } from "@/lib/autoreplies/find-matching-rule";
import { renderReply } from "@/lib/autoreplies/render-reply";

let n = 0;
const rule = (over: Partial<RuleForMatching>): RuleForMatching => ({
  id: `r${n++}`,
  keyword: "hi",
  matchType: "CONTAINS",
  caseSensitive: false,
  scope: "BOTH",
  enabled: true,
  priority: 0,
  createdAt: new Date(2026, 0, 1, 0, 0, n),
  ...over,
});

describe("findMatchingRule", () => {
  it("matches EXACT (trimmed), CONTAINS and REGEX, case-insensitively unless asked", () => {
    expect(findMatchingRule([rule({ keyword: "!help", matchType: "EXACT" })], "  !HELP ", false)).not.toBeNull();
    expect(findMatchingRule([rule({ keyword: "!help", matchType: "EXACT" })], "!help me", false)).toBeNull();
    expect(findMatchingRule([rule({ keyword: "price", matchType: "CONTAINS" })], "What PRICE?", false)).not.toBeNull();
    expect(findMatchingRule([rule({ keyword: "price", caseSensitive: true })], "What PRICE?", false)).toBeNull();
    expect(findMatchingRule([rule({ keyword: "^order\\s+#?\\d+$", matchType: "REGEX" })], "ORDER #42", false)).not.toBeNull();
    expect(findMatchingRule([rule({ keyword: "^order\\s+#?\\d+$", matchType: "REGEX", caseSensitive: true })], "ORDER #42", false)).toBeNull();
  });

  it("takes the first by priority, then age; skips disabled rules and the wrong scope", () => {
    const a = rule({ priority: 2 });
    const b = rule({ priority: 1 });
    const c = rule({ priority: 1 });
    expect(findMatchingRule([a, c, b], "hi", false)?.id).toBe(b.id);
    expect(findMatchingRule([a, rule({ priority: 0, enabled: false })], "hi", false)?.id).toBe(a.id);
    const groups = rule({ priority: -1, scope: "GROUPS" });
    const privates = rule({ priority: -1, scope: "PRIVATE" });
    expect(findMatchingRule([groups, privates], "hi", true)?.id).toBe(groups.id);
    expect(findMatchingRule([groups, privates], "hi", false)?.id).toBe(privates.id);
  });

  it("runs a catastrophic-backtracking pattern in linear time", () => {
    const evil = rule({ keyword: "(a+)+$", matchType: "REGEX" });
    expect(findMatchingRule([evil], `${"a".repeat(100_000)}!`, false)).toBeNull();
  });
});

describe("regexProblem", () => {
  it("accepts RE2 patterns and names what it refuses", () => {
    expect(regexProblem("(a+)+$", false)).toBeNull();
    expect(regexProblem("(a)\\1", false)).toMatch(/RE2/);
    expect(regexProblem("(?=a)", false)).toMatch(/RE2/);
    expect(regexProblem("a".repeat(201), false)).toMatch(/at most 200/);
  });
});

describe("renderReply", () => {
  it("fills name (falling back to the number), phone and message", () => {
    expect(renderReply("Hi {{name}} ({{ phone }}): {{MESSAGE}}", { name: "Ann", phone: "628123", message: "yo" })).toBe("Hi Ann (628123): yo");
    expect(renderReply("Hi {{name}}", { name: null, phone: "628123", message: "" })).toBe("Hi 628123");
    expect(renderReply("{{unknown}} stays", { name: null, phone: "1", message: "" })).toBe("{{unknown}} stays");
  });
});

describe("REGEX input limit", () => {
  it("leaves messages longer than 4096 characters to EXACT and CONTAINS rules", () => {
    const long = `order 1 ${"x".repeat(5000)}`;
    expect(findMatchingRule([rule({ keyword: "^order", matchType: "REGEX" })], long, false)).toBeNull();
    expect(findMatchingRule([rule({ keyword: "order", matchType: "CONTAINS" })], long, false)).not.toBeNull();
  });
});
