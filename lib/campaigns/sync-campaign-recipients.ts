import "server-only";
// Brings a campaign's recipient rows up to date with their messages: the send queue and WhatsApp's
// receipts move Message.status (SENT → DELIVERED → READ, or FAILED), and a recipient follows its
// message, never backwards. "Replied" is an incoming message from the recipient after the send.
// Two set-based statements, whatever the campaign's size; cheap when nothing changed.
import type { Db } from "@/lib/db/create-prisma-client";

export interface SyncOptions {
  /** Only recipients still in the send queue (what the runner needs to move on; one row with window 1). */
  queuedOnly?: boolean;
  /** Also look for replies (a join over every sent recipient: not on every runner step). */
  replies?: boolean;
}

export interface SyncResult {
  changed: number;
  failed: number;
  /** The latest sentAt among the rows that moved to sent (the runner's gap is measured from it). */
  lastSentAt: Date | null;
}

export async function syncCampaignRecipients(db: Db, campaign: { id: string; sessionId: string }, options: SyncOptions = {}): Promise<SyncResult> {
  const from = options.queuedOnly ? ["queued"] : ["queued", "sent", "delivered"];
  const moved = await db.$queryRaw<Array<{ status: string; sentAt: Date | null }>>`
    WITH next AS (
      SELECT r.id,
        CASE m.status WHEN 'SENT' THEN 'sent' WHEN 'DELIVERED' THEN 'delivered' WHEN 'READ' THEN 'read' WHEN 'FAILED' THEN 'failed' END AS status,
        CASE m.status WHEN 'SENT' THEN 1 WHEN 'DELIVERED' THEN 2 WHEN 'READ' THEN 3 WHEN 'FAILED' THEN (CASE WHEN r.status = 'queued' THEN 1 ELSE -1 END) END AS new_rank,
        CASE r.status WHEN 'queued' THEN 0 WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 ELSE 9 END AS old_rank,
        m."failureReason" AS failure, m."sentAt" AS sent_at
      FROM campaign_recipients r
      JOIN messages m ON m."sessionId" = ${campaign.sessionId} AND m."keyId" = r."keyId"
      WHERE r."campaignId" = ${campaign.id} AND r.status::text = ANY(${from}::text[]) AND m.status <> 'PENDING'
    )
    UPDATE campaign_recipients r SET
      status = next.status::"CampaignRecipientStatus",
      reason = CASE WHEN next.status = 'failed' THEN COALESCE(next.failure, 'send failed') ELSE r.reason END,
      "sentAt" = CASE WHEN next.status <> 'failed' THEN COALESCE(r."sentAt", next.sent_at, now() AT TIME ZONE 'UTC') ELSE r."sentAt" END,
      "deliveredAt" = CASE WHEN next.status IN ('delivered', 'read') THEN COALESCE(r."deliveredAt", now() AT TIME ZONE 'UTC') ELSE r."deliveredAt" END,
      "readAt" = CASE WHEN next.status = 'read' THEN COALESCE(r."readAt", now() AT TIME ZONE 'UTC') ELSE r."readAt" END,
      "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM next
    WHERE r.id = next.id AND next.new_rank > next.old_rank
    RETURNING r.status::text AS status, r."sentAt" AS "sentAt"`;
  const replied =
    options.replies === false
      ? 0
      : await db.$executeRaw`
    UPDATE campaign_recipients r SET "repliedAt" = x.first_reply, "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM (
      SELECT r2.id, min(m."createdAt") AS first_reply
      FROM campaign_recipients r2
      JOIN messages m ON m."sessionId" = ${campaign.sessionId} AND m."remoteJid" = r2.jid AND m."fromMe" = false AND m."createdAt" > r2."sentAt"
      WHERE r2."campaignId" = ${campaign.id} AND r2."repliedAt" IS NULL AND r2."sentAt" IS NOT NULL
      GROUP BY r2.id
    ) x
    WHERE r.id = x.id`;
  const sentTimes = moved.map((m) => m.sentAt?.getTime() ?? 0).filter(Boolean);
  return {
    changed: moved.length + replied,
    failed: moved.filter((m) => m.status === "failed").length,
    lastSentAt: sentTimes.length ? new Date(Math.max(...sentTimes)) : null,
  };
}
