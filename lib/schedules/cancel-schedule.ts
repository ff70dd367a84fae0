import "server-only";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import type { PendingEvent } from "@/lib/events/event-outbox";
import { getScheduleOrThrow } from "@/lib/schedules/get-schedule-or-throw";
import { scheduleScope } from "@/lib/schedules/schedule-scope";
import { db, getRuntime } from "@/lib/server/runtime";

export const CANCELLED_REASON = "cancelled";

/**
 * Cancels a schedule (the Ultimate WhatsApp Gateway's DELETE /api/scheduler/[id]). A one-time schedule's queued send is
 * withdrawn only while no worker has claimed it (attempts = 0, in the same UPDATE), so a message
 * is either cancelled or sent, never both; once it is on its way, cancelling is a 409.
 */
export async function cancelSchedule(caller: Caller, id: string) {
  const schedule = await getScheduleOrThrow(caller, id);
  if (schedule.status === "CANCELLED") return { success: true };
  const session = { id: schedule.sessionId, sessionId: schedule.session.sessionId, ownerId: schedule.ownerId };
  // The withdrawn send, the cancelled schedule and their events commit together (events through the outbox).
  const dispatch = await db().$transaction(async (tx) => {
    const events: PendingEvent[] = [];
    if (!schedule.cron && schedule.lastMessageId) {
      const { count } = await tx.message.updateMany({
        where: { sessionId: schedule.sessionId, keyId: schedule.lastMessageId, status: "PENDING", attempts: 0 },
        data: { status: "FAILED", failureReason: CANCELLED_REASON },
      });
      if (count === 0) throw new AppError("CONFLICT", "The message was already sent (or is being sent) and can no longer be cancelled");
      events.push({
        event: "message.update",
        data: {
          id: schedule.lastMessageId,
          messageId: schedule.lastMessageId,
          remoteJid: schedule.jid,
          fromMe: true,
          status: "FAILED",
          error: CANCELLED_REASON,
        },
      });
    }
    const { count } = await tx.schedule.updateMany({
      where: { AND: [scheduleScope(caller), { id, ownerId: schedule.ownerId }] },
      data: { status: "CANCELLED", nextFireAt: null, dueAt: null },
    });
    if (count === 0) throw notFound("Scheduled message");
    events.push({ event: "schedule.update", data: { id, status: "CANCELLED" } });
    return getRuntime().outbox.record(tx, session, events);
  });
  dispatch();
  return { success: true };
}
