import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";
import { assertCron, nextFiring } from "@/lib/schedules/cron-schedule";
import { publicSchedule, SCHEDULE_SELECT } from "@/lib/schedules/public-schedule";
import { queueScheduleSend } from "@/lib/schedules/queue-schedule-send";
import { callerTimeZone, resolveFutureTime } from "@/lib/schedules/resolve-caller-time";
import { resolveSendTime } from "@/lib/schedules/resolve-send-time";
import type { CreateScheduleInput } from "@/lib/schedules/schedules.schema";
import { wakeScheduleWorker } from "@/lib/schedules/start-schedule-worker";
import { logger } from "@/lib/logger";
import { db, getRuntime } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/**
 * A one-time schedule is stored and its send queued at once (due at sendAt), so it survives a
 * restart like any accepted send; a recurring one is stored with its first firing, which the
 * schedule worker queues when it falls due.
 */
/** Recurring schedules an owner may have running at once (each is a standing stream of sends). */
export const MAX_ACTIVE_RECURRING = 200;

export async function createSchedule(caller: Caller, input: CreateScheduleInput) {
  const session = await getSessionOrThrow(caller, input.sessionId);
  if (input.cron !== undefined) {
    const running = await db().schedule.count({ where: { ownerId: session.ownerId, cron: { not: null }, status: { in: ["ACTIVE", "PAUSED"] } } });
    if (running >= MAX_ACTIVE_RECURRING)
      throw new AppError("CONFLICT", `cron: at most ${MAX_ACTIVE_RECURRING} recurring schedules may run at once; stop one first`);
  }
  const jid = normalizeRecipient(input.jid, { field: "jid" });
  const timeZone = await callerTimeZone(caller, input.timeZone);
  const now = new Date();
  let sendAt: Date | null = null;
  let endAt: Date | null = null;
  let nextFireAt: Date | null = null;
  if (input.sendAt !== undefined) {
    sendAt = await resolveFutureTime(caller, input.sendAt, "sendAt", timeZone);
  } else {
    if (input.endAt !== undefined) {
      endAt = resolveSendTime(input.endAt, timeZone, "endAt");
      if (endAt <= now) throw new AppError("BAD_REQUEST", `endAt: ${endAt.toISOString()} is in the past`);
    }
    assertCron(input.cron!, timeZone, endAt, now);
    nextFireAt = nextFiring(input.cron!, timeZone, endAt, now);
  }
  const mediaType = input.mediaType ?? null;
  // A recurring schedule is created with its schedule.update event in one transaction; a one-time
  // one records the event with the link to its queued send (below).
  const { created, dispatch } = await db().$transaction(async (tx) => {
    const created = await tx.schedule.create({
      data: {
        ownerId: session.ownerId,
        sessionId: session.id,
        createdById: caller.id,
        jid,
        content: input.content,
        mediaUrl: input.mediaUrl ?? null,
        mediaId: input.mediaId ?? null,
        variation: (input.aiModifications ?? undefined) as Prisma.InputJsonObject | undefined,
        cron: input.cron ?? null,
        timeZone,
        sendAt,
        endAt,
        nextFireAt,
        dueAt: nextFireAt,
      },
      select: SCHEDULE_SELECT,
    });
    const dispatch = sendAt ? null : await getRuntime().outbox.record(tx, session, [createdEvent(created)]);
    return { created, dispatch };
  });
  dispatch?.();
  if (sendAt) {
    let messageId: string;
    try {
      messageId = (await queueScheduleSend(caller, created, sendAt, mediaType)).messageId;
    } catch (error) {
      // Not accepted (bad media, …): the schedule goes with it, and the caller gets the reason. A
      // failed delete leaves a schedule without a send, which the worker's orphan pass finds and
      // fails or queues; so it is logged, not thrown over the reason the caller needs.
      await db()
        .schedule.delete({ where: { id: created.id } })
        .catch((e: unknown) => logger.warn({ err: e, scheduleId: created.id }, "could not remove a schedule whose send was refused"));
      throw error;
    }
    // The schedule's link to its queued send and the schedule.update event commit together.
    const dispatch = await db().$transaction(async (tx) => {
      await tx.schedule.update({ where: { id: created.id }, data: { lastMessageId: messageId, firedCount: 1, lastFiredAt: now } });
      return getRuntime().outbox.record(tx, session, [createdEvent(created)]);
    });
    dispatch();
    created.lastMessageId = messageId;
  } else {
    wakeScheduleWorker();
  }
  return publicSchedule(created, null);
}

function createdEvent(created: { id: string; status: string }) {
  return { event: "schedule.update", data: { id: created.id, status: created.status, created: true } };
}
