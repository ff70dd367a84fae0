import "server-only";
// Keeps the events table to EVENT_RETENTION_DAYS (lib/events/prune-events.ts): once shortly after
// start, then every hour. The outbox's own retention, so it runs beside the workers that read
// events rather than inside one of them. Every process may run one: the DELETE is idempotent.
import type { Logger } from "pino";
import type { Db } from "@/lib/db/create-prisma-client";
import { env } from "@/lib/env";
import { pruneEvents } from "@/lib/events/prune-events";
import type { Worker } from "@/lib/server/runtime";

export interface EventPrunerOptions {
  retentionDays: number;
  /** The first run waits this long, so that a starting process does its real work first. */
  firstAfterMs: number;
  everyMs: number;
}

export function startEventPruner(deps: { db: Db; logger: Logger; options?: Partial<EventPrunerOptions> }): Worker {
  const options: EventPrunerOptions = { retentionDays: env.EVENT_RETENTION_DAYS, firstAfterMs: 60_000, everyMs: 60 * 60 * 1000, ...deps.options };
  const { db, logger } = deps;

  async function prune() {
    try {
      const pruned = await pruneEvents(db, options.retentionDays);
      if (pruned) logger.info({ pruned, retentionDays: options.retentionDays }, "pruned old events");
    } catch (error) {
      logger.error({ err: error }, "could not prune old events");
    }
  }

  const firstPrune = setTimeout(() => void prune(), options.firstAfterMs);
  firstPrune.unref();
  const pruneTimer = setInterval(() => void prune(), options.everyMs);
  pruneTimer.unref();

  return {
    name: "event-pruner",
    // Nothing a request does makes pruning more urgent.
    wake() {},
    async stop() {
      clearTimeout(firstPrune);
      clearInterval(pruneTimer);
    },
  };
}
