import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import type { UpdateAutoReplyInput } from "@/lib/autoreplies/autoreplies.schema";
import { autoReplyScope } from "@/lib/autoreplies/autoreply-scope";
import { assertKeyword, resolveRuleTarget } from "@/lib/autoreplies/create-autoreply";
import { getAutoReplyOrThrow } from "@/lib/autoreplies/get-autoreply-or-throw";
import { AUTOREPLY_SELECT, publicAutoReply } from "@/lib/autoreplies/public-autoreply";
import { AppError } from "@/lib/errors/app-error";
import { db } from "@/lib/server/runtime";

export async function updateAutoReply(caller: Caller, id: string, input: UpdateAutoReplyInput) {
  const current = await getAutoReplyOrThrow(caller, id);
  const target = input.sessionId !== undefined ? await resolveRuleTarget(caller, input.sessionId) : null;
  if (target && target.ownerId !== current.ownerId) throw notFound("Session");
  const next = {
    keyword: input.keyword ?? current.keyword,
    matchType: input.matchType ?? current.matchType,
    caseSensitive: input.caseSensitive ?? current.caseSensitive,
    response: input.response !== undefined ? input.response : current.response,
    mediaUrl: input.mediaUrl !== undefined ? input.mediaUrl : current.mediaUrl,
    mediaId: input.mediaId !== undefined ? input.mediaId : current.mediaId,
    mediaType: input.mediaType !== undefined ? input.mediaType : current.mediaType,
  };
  assertKeyword(next.matchType, next.keyword, next.caseSensitive);
  if (!next.response?.trim() && !next.mediaUrl && !next.mediaId)
    throw new AppError("BAD_REQUEST", "response: is required (or a media reply: mediaUrl or mediaId)");
  if (next.mediaUrl && next.mediaId) throw new AppError("BAD_REQUEST", "mediaUrl: give mediaUrl or mediaId, not both");
  if ((next.mediaUrl || next.mediaId) && !next.mediaType) throw new AppError("BAD_REQUEST", "mediaType: is required with mediaUrl or mediaId");
  const { count } = await db().autoReply.updateMany({
    where: { AND: [autoReplyScope(caller), { id, ownerId: current.ownerId }] },
    data: {
      ...next,
      ...(target ? { sessionId: target.sessionId } : {}),
      ...(input.quote !== undefined ? { quote: input.quote } : {}),
      ...(input.priority !== undefined ? { priority: input.priority } : {}),
      ...(input.scope !== undefined ? { scope: input.scope } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.cooldownSeconds !== undefined ? { cooldownSeconds: input.cooldownSeconds } : {}),
    },
  });
  if (count === 0) throw notFound("Auto-reply rule");
  const rule = await db().autoReply.findFirstOrThrow({ where: { id }, select: AUTOREPLY_SELECT });
  return publicAutoReply(rule);
}
