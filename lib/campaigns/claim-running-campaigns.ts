import "server-only";
// The runner's claim on running campaigns: a short lease per campaign, taken in one UPDATE … FOR
// UPDATE SKIP LOCKED and released after each step, so two processes never drive one campaign at
// once and a process that dies holds nothing for longer than one lease. (To be replaced by the
// shared claim/lease helper in lib/queue/ once the core issue publishes it.) Per-recipient
// idempotency keys make a double step harmless anyway; the lease keeps it from happening.
import type { Db } from "@/lib/db/create-prisma-client";

export async function claimRunningCampaigns(db: Db, leaseMs: number, limit = 50): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE campaigns SET "leaseUntil" = (now() AT TIME ZONE 'UTC') + ${leaseMs}::int * interval '1 millisecond'
    WHERE id IN (
      SELECT id FROM campaigns
      WHERE status = 'running' AND ("leaseUntil" IS NULL OR "leaseUntil" < (now() AT TIME ZONE 'UTC'))
      ORDER BY "startedAt" NULLS FIRST, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  return rows.map((r) => r.id);
}

export async function releaseCampaign(db: Db, id: string): Promise<void> {
  await db.campaign.updateMany({ where: { id }, data: { leaseUntil: null } });
}
