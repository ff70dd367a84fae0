import "server-only";
// The runner's claim on running campaigns, through the shared lease helper (lib/queue/): a claim
// moves a campaign's `leaseUntil` one lease ahead, so two processes never drive one campaign at
// once; it is released (due again) after each step, and a process that dies holds it for at most
// one lease. Per-recipient idempotency keys would make a double step harmless anyway.
import type { Db } from "@/lib/db/create-prisma-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { defineLeaseQueue } from "@/lib/queue/claim-with-lease";

const campaigns = defineLeaseQueue({ table: "campaigns", dueColumn: "leaseUntil", orderBy: Prisma.sql`"startedAt" NULLS FIRST, id` });

/**
 * `nodeId` (several nodes, issue 16): only campaigns of sessions this node holds the lease of — a
 * step checks numbers on the session's live connection, which only the holder has.
 */
export async function claimRunningCampaigns(db: Db, leaseMs: number, limit = 50, nodeId: string | null = null): Promise<string[]> {
  const held = nodeId
    ? Prisma.sql` AND "sessionId" IN (SELECT "sessionId" FROM "session_leases" WHERE "nodeId" = ${nodeId} AND "expiresAt" > (now() AT TIME ZONE 'UTC'))`
    : Prisma.empty;
  const rows = await campaigns.claim<{ id: string }>(db, { where: Prisma.sql`status = 'running'${held}`, limit, leaseMs });
  return rows.map((r) => r.id);
}

export async function releaseCampaign(db: Db, id: string): Promise<void> {
  await campaigns.release(db, [id]);
}
