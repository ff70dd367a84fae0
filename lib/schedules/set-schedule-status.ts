import "server-only";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { nextFiring } from "@/lib/schedules/cron-schedule";
import { getScheduleOrThrow } from "@/lib/schedules/get-schedule-or-throw";
import { withMessages } from "@/lib/schedules/list-schedules";
import { SCHEDULE_SELECT } from "@/lib/schedules/public-schedule";
import { scheduleScope } from "@/lib/schedules/schedule-scope";
import { wakeScheduleWorker } from "@/lib/schedules/start-schedule-worker";
import { db, getRuntime } from "@/lib/server/runtime";

/** Pauses or resumes a recurring schedule; a resumed one continues with its next firing from now (missed ones are skipped). */
export async function setScheduleStatus(caller: Caller, id: string, status: "PAUSED" | "ACTIVE") {
  const schedule = await getScheduleOrThrow(caller, id);
  if (!schedule.cron) throw new AppError("BAD_REQUEST", "status: only recurring schedules can be paused and resumed; cancel a one-time message instead");
  if (schedule.status === "CANCELLED" || schedule.status === "DONE")
    throw new AppError("BAD_REQUEST", `status: the schedule is ${schedule.status.toLowerCase()}`);
  const nextFireAt = status === "ACTIVE" ? nextFiring(schedule.cron, schedule.timeZone, schedule.endAt, new Date()) : schedule.nextFireAt;
  const session = { id: schedule.sessionId, sessionId: schedule.session.sessionId, ownerId: schedule.ownerId };
  // The move and its schedule.update event commit together (the event through the outbox).
  const dispatch = await db().$transaction(async (tx) => {
    const { count } = await tx.schedule.updateMany({
      where: { AND: [scheduleScope(caller), { id, ownerId: schedule.ownerId, status: { in: ["ACTIVE", "PAUSED"] } }] },
      data: { status: status === "ACTIVE" && !nextFireAt ? "DONE" : status, nextFireAt, dueAt: status === "ACTIVE" ? nextFireAt : null },
    });
    if (count === 0) return null;
    return getRuntime().outbox.record(tx, session, [{ event: "schedule.update", data: { id, status } }]);
  });
  if (!dispatch) throw notFound("Scheduled message");
  dispatch();
  wakeScheduleWorker();
  const [updated] = await withMessages([await db().schedule.findFirstOrThrow({ where: { id }, select: SCHEDULE_SELECT })]);
  return updated;
}
