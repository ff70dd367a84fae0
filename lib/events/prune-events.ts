import "server-only";
// Retention of the outbox: events older than EVENT_RETENTION_DAYS go, with their deliveries and the
// delivery log (cascade) — except events that still have a delivery to make (PENDING or FAILED).
import type { Db } from "@/lib/db/create-prisma-client";

const BATCH = 2000;

export async function pruneEvents(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  let total = 0;
  for (;;) {
    const deleted = await db.$executeRaw`
      DELETE FROM events WHERE id IN (
        SELECT e.id FROM events e
        WHERE e."createdAt" < ${cutoff}
          AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d."eventId" = e.id AND d.status IN ('PENDING', 'FAILED'))
        LIMIT ${BATCH}
      )`;
    total += deleted;
    if (deleted < BATCH) return total;
  }
}
