import "server-only";
// The due-firing claim on recurring schedules: the row's `dueAt` is its next firing, moved one lease
// ahead by the claim (lib/queue/claim-with-lease.ts), so one process at a time queues a firing and a
// process that dies holding it leaves it due again when the lease runs out.
import { Prisma } from "@/lib/generated/prisma/client";
import { defineLeaseQueue, type SqlRunner } from "@/lib/queue/claim-with-lease";

const scheduleQueue = defineLeaseQueue({ table: "schedules", dueColumn: "dueAt", updatedAtColumn: "updatedAt" });

export interface ClaimedFiring {
  id: string;
  nextFireAt: Date;
}

export function claimDueFirings(db: SqlRunner, limit: number, leaseMs: number): Promise<ClaimedFiring[]> {
  return scheduleQueue.claim<ClaimedFiring>(db, {
    where: Prisma.sql`status = 'ACTIVE' AND cron IS NOT NULL AND "nextFireAt" IS NOT NULL`,
    limit,
    leaseMs,
    returning: Prisma.sql`id, "nextFireAt"`,
  });
}
