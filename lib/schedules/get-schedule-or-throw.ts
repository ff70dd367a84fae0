import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { SCHEDULE_SELECT } from "@/lib/schedules/public-schedule";
import { scheduleScope } from "@/lib/schedules/schedule-scope";
import { db } from "@/lib/server/runtime";

export async function getScheduleOrThrow(caller: Caller, id: string) {
  const schedule = await db().schedule.findFirst({ where: { AND: [scheduleScope(caller), { id }] }, select: SCHEDULE_SELECT });
  if (!schedule) throw notFound("Scheduled message");
  return schedule;
}
