import "server-only";
// The recurring-schedule worker: every SCHEDULE_POLL_MS (and when woken) it claims due firings,
// queues each as a send (exactly once: the idempotency key schedule:<id>:<instant>), and moves the
// schedule to its next firing. A firing more than SCHEDULE_MAX_LATENESS_MS late (the gateway was
// down) is skipped with that reason; firings missed in between are not replayed one by one.
import type { Logger } from "pino";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/create-prisma-client";
import type { EventOutbox } from "@/lib/events/event-outbox";
import { claimDueFirings } from "@/lib/schedules/claim-due-firings";
import { nextFiring } from "@/lib/schedules/cron-schedule";
import { firingKey, queueScheduleSend } from "@/lib/schedules/queue-schedule-send";
import { getRuntime, type Worker } from "@/lib/server/runtime";
import { callerForUser } from "@/lib/users/caller-for-user";

export const SCHEDULE_WORKER = "schedules";
const BATCH = 50;
const LEASE_MS = 30_000;
/** A one-time schedule whose send was not queued this long after it was stored lost it to a crash. */
const ORPHAN_AFTER_MS = 30_000;

export interface ScheduleWorkerDeps {
  db: Db;
  outbox: EventOutbox;
  logger: Logger;
  pollMs: number;
  maxLatenessMs: number;
}

export function wakeScheduleWorker(): void {
  try {
    getRuntime()
      .workers.find((w) => w.name === SCHEDULE_WORKER)
      ?.wake();
  } catch {
    // No runtime (unit tests): nothing to wake.
  }
}

export function startScheduleWorker(deps: ScheduleWorkerDeps): Worker {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref?.();
  };
  function tick() {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = runOnce(deps)
      .catch((error: unknown) => deps.logger.error({ err: error }, "schedule worker pass failed"))
      .finally(() => {
        running = null;
        schedule(again ? 0 : deps.pollMs);
        again = false;
      });
  }
  schedule(0);
  return {
    name: SCHEDULE_WORKER,
    wake: () => schedule(0),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

async function runOnce(deps: ScheduleWorkerDeps) {
  for (;;) {
    const claimed = await claimDueFirings(deps.db, BATCH, LEASE_MS);
    for (const firing of claimed)
      await fire(deps, firing.id, firing.nextFireAt).catch((error: unknown) =>
        deps.logger.error({ err: error, scheduleId: firing.id }, "schedule firing failed"),
      );
    if (claimed.length < BATCH) break;
  }
  await queueOrphans(deps);
}

async function fire(deps: ScheduleWorkerDeps, id: string, at: Date) {
  const { db } = deps;
  const s = await db.schedule.findUnique({ where: { id }, include: { session: { select: { sessionId: true } } } });
  if (!s || !s.cron || s.status !== "ACTIVE") return;
  const now = new Date();
  let messageId: string | null = null;
  let lastError: string | null = null;
  // This firing tried again (its node died, or its lease ran out) after its message was queued:
  // that message is the firing's, and is counted below; the checks that follow are for queueing one.
  const queued = await db.message.findFirst({ where: { ownerId: s.ownerId, idempotencyKey: firingKey(id, at) }, select: { keyId: true } });
  // A firing that finds the previous one still waiting in the queue (session offline, or a cron
  // faster than the session's pacing) is skipped: the queue must not grow without bound, and a
  // reconnecting session should not send a backlog of the same message.
  const previous =
    !queued && s.lastMessageId
      ? await db.message.findFirst({ where: { sessionId: s.sessionId, keyId: s.lastMessageId, status: "PENDING" }, select: { id: true } })
      : null;
  if (queued) {
    messageId = queued.keyId;
  } else if (now.getTime() - at.getTime() > deps.maxLatenessMs) {
    lastError = `missed the firing at ${at.toISOString()}: the gateway was not running`;
  } else if (previous) {
    lastError = `skipped the firing at ${at.toISOString()}: the previous one was still waiting to be sent`;
  } else {
    const caller = await callerForUser(db, s.createdById);
    if (!caller) lastError = "the user who made this schedule can no longer send";
    else {
      try {
        messageId = (await queueScheduleSend(caller, s, at)).messageId;
      } catch (error) {
        // A refusal (session gone, media unreachable) is this firing's outcome; anything else is
        // left to the lease: the firing is tried again when it runs out.
        if (!(error instanceof AppError)) throw error;
        lastError = error.message;
      }
    }
  }
  const next = nextFiring(s.cron, s.timeZone, s.endAt, new Date(Math.max(at.getTime(), now.getTime())));
  // The firing's outcome and its schedule.update event commit together (the event through the outbox).
  const session = { id: s.sessionId, sessionId: s.session.sessionId, ownerId: s.ownerId };
  const dispatch = await db.$transaction(async (tx) => {
    const { count } = await tx.schedule.updateMany({
      where: { id, nextFireAt: at, status: "ACTIVE" },
      data: {
        nextFireAt: next,
        dueAt: next,
        status: next ? "ACTIVE" : "DONE",
        lastError,
        ...(messageId ? { firedCount: { increment: 1 }, lastFiredAt: now, lastMessageId: messageId } : {}),
      },
    });
    let state = { status: next ? "ACTIVE" : "DONE", nextFireAt: next };
    if (count === 0) {
      // Paused, resumed or cancelled while this firing was being queued: the schedule's state is the
      // user's now, but a message that was queued is a firing and is counted (once: a retry of this
      // firing queues the same message and finds it already counted).
      if (!messageId) return null;
      const counted = await tx.schedule.updateMany({
        where: { id, OR: [{ lastMessageId: null }, { lastMessageId: { not: messageId } }] },
        data: { firedCount: { increment: 1 }, lastFiredAt: now, lastMessageId: messageId },
      });
      if (counted.count === 0) return null;
      const current = await tx.schedule.findUnique({ where: { id }, select: { status: true, nextFireAt: true } });
      if (!current) return null;
      state = current;
    }
    return deps.outbox.record(tx, session, [
      {
        event: "schedule.update",
        data: { id, status: state.status, firedAt: at.toISOString(), messageId, nextFireAt: state.nextFireAt?.toISOString() ?? null, error: lastError },
      },
    ]);
  });
  dispatch?.();
}

/** One-time schedules stored but whose send a crash kept from being queued: queue it now (or fail it, when too late). */
async function queueOrphans(deps: ScheduleWorkerDeps) {
  const orphans = await deps.db.schedule.findMany({
    where: { cron: null, status: "ACTIVE", lastMessageId: null, lastError: null, createdAt: { lt: new Date(Date.now() - ORPHAN_AFTER_MS) } },
    take: BATCH,
  });
  for (const s of orphans) {
    const caller = await callerForUser(deps.db, s.createdById);
    const late = s.sendAt && Date.now() - s.sendAt.getTime() > deps.maxLatenessMs;
    try {
      if (!caller || late || !s.sendAt)
        throw new AppError(
          "BAD_REQUEST",
          late ? "missed: its time passed while the gateway was not running" : "the user who made this schedule can no longer send",
        );
      const sent = await queueScheduleSend(caller, s, s.sendAt);
      await deps.db.schedule.updateMany({
        where: { id: s.id, lastMessageId: null },
        data: { lastMessageId: sent.messageId, firedCount: 1, lastFiredAt: new Date() },
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await deps.db.schedule.updateMany({ where: { id: s.id, lastMessageId: null }, data: { status: "DONE", lastError: error.message } });
    }
  }
}
