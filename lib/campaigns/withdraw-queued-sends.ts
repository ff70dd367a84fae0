import "server-only";
// Takes a campaign's queued-but-untouched sends back out of the send queue (pause, cancel, delete):
// a message the send worker has not claimed yet (attempts = 0) is deleted and its recipient is
// pending again; one already in hand goes out — "stops within one message". The DELETE's own
// condition is what makes this safe against the worker's claim, which bumps attempts under the row
// lock: a DELETE that meets a row being claimed waits for it and then finds attempts > 0.
import { direct, type SqlRunner } from "@/lib/db/direct-sql";

/**
 * `db` may be a transaction: pausing and cancelling withdraw inside the move's own. One statement
 * whatever the number of queued recipients (it was a read, then a delete and an update per
 * recipient): the delete and the recipients' update commit together or not at all.
 */
export async function withdrawQueuedSends(db: SqlRunner, campaign: { id: string; sessionId: string }): Promise<number> {
  const rows = await direct(db).$queryRaw<Array<{ id: string }>>`
    WITH withdrawn AS (
      DELETE FROM messages m USING campaign_recipients r
      WHERE r."campaignId" = ${campaign.id} AND r.status = 'queued' AND r."keyId" IS NOT NULL
        AND m."sessionId" = ${campaign.sessionId} AND m."keyId" = r."keyId" AND m.status = 'PENDING' AND m.attempts = 0
      RETURNING m."keyId"
    )
    UPDATE campaign_recipients r SET status = 'pending', "keyId" = NULL, "queuedAt" = NULL, "updatedAt" = (now() AT TIME ZONE 'UTC')
    FROM withdrawn w
    WHERE r."campaignId" = ${campaign.id} AND r.status = 'queued' AND r."keyId" = w."keyId"
    RETURNING r.id`;
  return rows.length;
}
