import type { Prisma } from "@/lib/generated/prisma/client";
import { nextFirings } from "@/lib/schedules/cron-schedule";

export const SCHEDULE_SELECT = {
  id: true,
  ownerId: true,
  sessionId: true,
  session: { select: { sessionId: true, name: true } },
  jid: true,
  content: true,
  mediaUrl: true,
  mediaId: true,
  variation: true,
  cron: true,
  timeZone: true,
  sendAt: true,
  endAt: true,
  status: true,
  nextFireAt: true,
  firedCount: true,
  lastFiredAt: true,
  lastMessageId: true,
  lastError: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.ScheduleSelect;

export type ScheduleRecord = Prisma.ScheduleGetPayload<{ select: typeof SCHEDULE_SELECT }>;
export interface SentState {
  status: string;
  failureReason: string | null;
  sentAt: Date | null;
}

/**
 * A schedule as the API shows it, in the Ultimate WhatsApp Gateway's shape ({ id, jid, content, mediaUrl, sendAt,
 * status }) plus the recurring fields. A one-time schedule's status is its message's (PENDING,
 * SENT, DELIVERED, READ, FAILED) unless it was cancelled; a recurring one's is ACTIVE, PAUSED,
 * CANCELLED or DONE, with its next five firings.
 */
export function publicSchedule(s: ScheduleRecord, message: SentState | null, now = new Date()) {
  const recurring = s.cron !== null;
  const status = recurring || s.status === "CANCELLED" ? s.status : (message?.status ?? (s.status === "DONE" ? "FAILED" : "PENDING"));
  return {
    id: s.id,
    sessionId: s.session.sessionId,
    sessionName: s.session.name,
    jid: s.jid,
    content: s.content,
    mediaUrl: s.mediaUrl,
    mediaId: s.mediaId,
    sendAt: (recurring ? s.nextFireAt : s.sendAt)?.toISOString() ?? null,
    status,
    recurring,
    cron: s.cron,
    timeZone: s.timeZone,
    endAt: s.endAt?.toISOString() ?? null,
    aiModifications: s.variation ?? null,
    nextFirings:
      recurring && s.status === "ACTIVE" && s.nextFireAt
        ? [s.nextFireAt, ...nextFirings(s.cron!, s.timeZone, s.endAt, new Date(Math.max(s.nextFireAt.getTime(), now.getTime())), 4)].map((d) => d.toISOString())
        : [],
    firedCount: s.firedCount,
    lastFiredAt: s.lastFiredAt?.toISOString() ?? null,
    messageId: s.lastMessageId,
    sentAt: message?.sentAt?.toISOString() ?? null,
    error: s.lastError ?? (message?.status === "FAILED" ? message.failureReason : null),
    createdAt: s.createdAt.toISOString(),
  };
}
