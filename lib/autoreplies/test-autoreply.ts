import "server-only";
import type { Caller } from "@/lib/auth/caller";
import type { TestAutoReplyInput } from "@/lib/autoreplies/autoreplies.schema";
import { findMatchingRule } from "@/lib/autoreplies/find-matching-rule";
import { listAutoReplies } from "@/lib/autoreplies/list-autoreplies";
import { phoneOf, renderReply } from "@/lib/autoreplies/render-reply";

/** Which rule would answer this message, and the reply it would send (nothing is sent). */
export async function testAutoReply(caller: Caller, input: TestAutoReplyInput) {
  const rules = await listAutoReplies(caller, input.sessionId);
  const isGroup = input.isGroup ?? input.from?.endsWith("@g.us") ?? false;
  const rule = findMatchingRule(
    rules.map((r) => ({ ...r, createdAt: new Date(r.createdAt) })),
    input.text,
    isGroup,
  );
  if (!rule) return { matched: false, rule: null, reply: null };
  const phone = phoneOf(input.from ?? "15550000000");
  const reply = rule.response ? renderReply(rule.response, { name: input.name ?? null, phone, message: input.text }) : null;
  return { matched: true, rule, reply, media: rule.mediaType ? { type: rule.mediaType, url: rule.mediaUrl, mediaId: rule.mediaId } : null, quote: rule.quote };
}
