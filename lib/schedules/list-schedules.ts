import "server-only";
import type { Caller } from "@/lib/auth/caller";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publicSchedule, SCHEDULE_SELECT, type ScheduleRecord } from "@/lib/schedules/public-schedule";
import { scheduleScope } from "@/lib/schedules/schedule-scope";
import { db } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

const LIST_LIMIT = 500;

/** With each one-time schedule, the state of its queued message. */
export async function withMessages(schedules: ScheduleRecord[]) {
  const ids = schedules.filter((s) => s.lastMessageId && !s.cron).map((s) => s.lastMessageId!);
  const messages = ids.length
    ? await db().message.findMany({
        where: { keyId: { in: ids }, fromMe: true },
        select: { sessionId: true, keyId: true, status: true, failureReason: true, sentAt: true },
      })
    : [];
  const byKey = new Map(messages.map((m) => [`${m.sessionId}:${m.keyId}`, m]));
  const now = new Date();
  return schedules.map((s) => publicSchedule(s, s.lastMessageId ? (byKey.get(`${s.sessionId}:${s.lastMessageId}`) ?? null) : null, now));
}

/** The caller's schedules (of one session with `sessionId`), the soonest first. */
export async function listSchedules(caller: Caller, query: { sessionId?: string; when?: "upcoming" | "past" | "all" }) {
  const where: Prisma.ScheduleWhereInput[] = [scheduleScope(caller)];
  if (query.sessionId) where.push({ sessionId: (await getSessionOrThrow(caller, query.sessionId)).id });
  const rows = await db().schedule.findMany({ where: { AND: where }, select: SCHEDULE_SELECT, orderBy: [{ createdAt: "desc" }], take: LIST_LIMIT });
  let list = await withMessages(rows);
  if (query.when === "upcoming") list = list.filter((s) => ["PENDING", "ACTIVE", "PAUSED"].includes(s.status));
  if (query.when === "past") list = list.filter((s) => !["PENDING", "ACTIVE", "PAUSED"].includes(s.status));
  const at = (s: (typeof list)[number]) => (s.sendAt ? Date.parse(s.sendAt) : Number.MAX_SAFE_INTEGER);
  return list.sort((a, b) => at(a) - at(b));
}
