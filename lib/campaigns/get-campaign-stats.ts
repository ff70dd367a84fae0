import "server-only";
// A campaign's statistics, from its recipient rows (kept in step with their messages' receipts):
// counts are cumulative as a user reads them — a read message was also delivered and sent.
import type { Db } from "@/lib/db/create-prisma-client";
import { syncCampaignRecipients } from "@/lib/campaigns/sync-campaign-recipients";

export interface CampaignStats {
  total: number;
  pending: number;
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  skipped: number;
  replied: number;
  /** Recipients done (sent, failed or skipped), in percent of the total. */
  progress: number;
  deliveryRate: number;
  readRate: number;
  replyRate: number;
  failureRate: number;
}

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

export async function getCampaignStats(db: Db, campaign: { id: string; sessionId: string }, options: { sync?: boolean } = {}): Promise<CampaignStats> {
  if (options.sync !== false) await syncCampaignRecipients(db, campaign);
  const [groups, replied] = await Promise.all([
    db.campaignRecipient.groupBy({ by: ["status"], where: { campaignId: campaign.id }, _count: { _all: true } }),
    db.campaignRecipient.count({ where: { campaignId: campaign.id, repliedAt: { not: null } } }),
  ]);
  const n = Object.fromEntries(groups.map((g) => [g.status, g._count._all])) as Record<string, number>;
  const c = (s: string) => n[s] ?? 0;
  const total = groups.reduce((sum, g) => sum + g._count._all, 0);
  const read = c("read");
  const delivered = c("delivered") + read;
  const sent = c("sent") + delivered;
  const failed = c("failed");
  const pending = c("pending");
  const queued = c("queued");
  return {
    total,
    pending,
    queued,
    sent,
    delivered,
    read,
    failed,
    skipped: c("skipped"),
    replied,
    progress: total > 0 ? Math.floor(((total - pending - queued) / total) * 100) : 100,
    deliveryRate: rate(delivered, sent),
    readRate: rate(read, sent),
    replyRate: rate(replied, sent),
    failureRate: rate(failed, sent + failed),
  };
}
