import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import type { CreateAutoReplyInput } from "@/lib/autoreplies/autoreplies.schema";
import { regexProblem } from "@/lib/autoreplies/compile-keyword";
import { AUTOREPLY_SELECT, publicAutoReply } from "@/lib/autoreplies/public-autoreply";
import { db } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** Resolves where a rule applies: one session the caller reaches, or (owners only) all of theirs. */
export async function resolveRuleTarget(caller: Caller, sessionId: string | null | undefined) {
  if (sessionId) {
    const session = await getSessionOrThrow(caller, sessionId);
    return { ownerId: session.ownerId, sessionId: session.id };
  }
  if (caller.role === "STAFF") throw new AppError("BAD_REQUEST", "sessionId: is required (a rule for all sessions is the owner's to make)");
  return { ownerId: caller.tenantId, sessionId: null };
}

export function assertKeyword(matchType: string, keyword: string, caseSensitive: boolean) {
  if (matchType !== "REGEX") return;
  const problem = regexProblem(keyword, caseSensitive);
  if (problem) throw new AppError("BAD_REQUEST", `keyword: ${problem}`);
}

/** Rules per owner: every incoming message is tried against all of them. */
export const MAX_RULES_PER_OWNER = 500;

export async function createAutoReply(caller: Caller, input: CreateAutoReplyInput) {
  const target = await resolveRuleTarget(caller, input.sessionId);
  if ((await db().autoReply.count({ where: { ownerId: target.ownerId } })) >= MAX_RULES_PER_OWNER) {
    throw new AppError("CONFLICT", `At most ${MAX_RULES_PER_OWNER} auto-reply rules; delete one first`);
  }
  const matchType = input.matchType ?? "CONTAINS";
  const caseSensitive = input.caseSensitive ?? false;
  assertKeyword(matchType, input.keyword, caseSensitive);
  // New rules go last unless a priority is given.
  const last = await db().autoReply.aggregate({ where: { ownerId: target.ownerId }, _max: { priority: true } });
  const rule = await db().autoReply.create({
    data: {
      ownerId: target.ownerId,
      sessionId: target.sessionId,
      keyword: input.keyword,
      matchType,
      caseSensitive,
      response: input.response ?? null,
      mediaUrl: input.mediaUrl ?? null,
      mediaId: input.mediaId ?? null,
      mediaType: input.mediaType ?? null,
      quote: input.quote ?? false,
      priority: input.priority ?? (last._max.priority ?? 0) + 10,
      scope: input.scope ?? "BOTH",
      enabled: input.enabled ?? true,
      cooldownSeconds: input.cooldownSeconds ?? 60,
    },
    select: AUTOREPLY_SELECT,
  });
  return publicAutoReply(rule);
}
