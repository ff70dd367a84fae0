import "server-only";
// Keeps the events table to EVENT_RETENTION_DAYS (lib/events/prune-events.ts): once shortly after
// start, then every hour. The outbox's own retention, so it runs beside the workers that read
// events rather than inside one of them. Every process may run one: the DELETE is idempotent.
import type { Logger } from "pino";
import type { Db } from "@/lib/db/create-prisma-client";
import { pruneEvents } from "@/lib/events/prune-events";
import type { Worker } from "@/lib/server/runtime";

export interface EventPrunerDeps {
  db: Db;
  logger: Logger;
  /** EVENT_RETENTION_DAYS. */
  retentionDays: number;
  /** The first run waits this long (1 min by default), so that a starting process does its real work first. */
  firstAfterMs?: number;
  /** 1 h by default. */
  everyMs?: number;
}

export function startEventPruner(deps: EventPrunerDeps): Worker {
  const { db, logger, retentionDays, firstAfterMs = 60_000, everyMs = 60 * 60 * 1000 } = deps;

  async function prune() {
    try {
      const pruned = await pruneEvents(db, retentionDays);
      if (pruned) logger.info({ pruned, retentionDays }, "pruned old events");
    } catch (error) {
      logger.error({ err: error }, "could not prune old events");
    }
  }

  const firstPrune = setTimeout(() => void prune(), firstAfterMs);
  firstPrune.unref();
  const pruneTimer = setInterval(() => void prune(), everyMs);
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
