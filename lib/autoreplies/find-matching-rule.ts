// First match wins: rules in priority order (then oldest first), enabled, applying to the session
// and to the kind of chat.
import { compileKeyword } from "@/lib/autoreplies/compile-keyword";

export interface RuleForMatching {
  id: string;
  keyword: string;
  matchType: "EXACT" | "CONTAINS" | "REGEX";
  caseSensitive: boolean;
  scope: "PRIVATE" | "GROUPS" | "BOTH";
  enabled: boolean;
  priority: number;
  createdAt: Date;
}

export function findMatchingRule<R extends RuleForMatching>(rules: R[], text: string, isGroup: boolean): R | null {
  const ordered = [...rules].sort((a, b) => a.priority - b.priority || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  for (const rule of ordered) {
    if (!rule.enabled) continue;
    if (rule.scope === "PRIVATE" && isGroup) continue;
    if (rule.scope === "GROUPS" && !isGroup) continue;
    if (compileKeyword(rule)(text)) return rule;
  }
  return null;
}
