import type { Prisma } from "@/lib/generated/prisma/client";

export const AUTOREPLY_SELECT = {
  id: true,
  ownerId: true,
  sessionId: true,
  session: { select: { sessionId: true, name: true } },
  keyword: true,
  matchType: true,
  caseSensitive: true,
  response: true,
  mediaUrl: true,
  mediaId: true,
  mediaType: true,
  quote: true,
  priority: true,
  scope: true,
  enabled: true,
  cooldownSeconds: true,
  hitCount: true,
  lastHitAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.AutoReplySelect;

export type AutoReplyRecord = Prisma.AutoReplyGetPayload<{ select: typeof AUTOREPLY_SELECT }>;

/** A rule as the API shows it: the session by its public sessionId (null: all the owner's sessions). */
export function publicAutoReply(rule: AutoReplyRecord) {
  const { session, ownerId: _ownerId, sessionId: _internal, ...rest } = rule;
  return { ...rest, sessionId: session?.sessionId ?? null, sessionName: session?.name ?? null };
}
