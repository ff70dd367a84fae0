import "server-only";
// The chart's data: how many recipients were sent, delivered and read by each point in time
// (cumulative), in buckets sized to the campaign's length.
import type { Caller } from "@/lib/auth/caller";
import { getCampaignOrThrow } from "@/lib/campaigns/get-campaign-or-throw";
import { getCampaignStats } from "@/lib/campaigns/get-campaign-stats";
import { db } from "@/lib/server/runtime";

export async function getCampaignTimeline(caller: Caller, id: string, options: { bucket?: number }) {
  const campaign = await getCampaignOrThrow(caller, id);
  const stats = await getCampaignStats(db(), campaign);
  const span = await db().campaignRecipient.aggregate({
    where: { campaignId: campaign.id },
    _min: { sentAt: true },
    _max: { sentAt: true, readAt: true, deliveredAt: true },
  });
  const start = span._min.sentAt;
  if (!start) return { statistics: stats, bucketSeconds: options.bucket ?? 60, series: [] };
  const end = Math.max(...[span._max.sentAt, span._max.deliveredAt, span._max.readAt].map((d) => d?.getTime() ?? 0));
  const lengthS = Math.max(1, (end - start.getTime()) / 1000);
  // About 60 points whatever the length, on round sizes.
  const bucket = options.bucket ?? [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 21600, 86400].find((b) => lengthS / b <= 60) ?? 86400;
  const rows = await db().$queryRaw<Array<{ kind: string; slot: number; n: number }>>`
    SELECT kind, slot::int AS slot, count(*)::int AS n FROM (
      SELECT 'sent' AS kind, floor(extract(epoch FROM ("sentAt" - ${start})) / ${bucket}) AS slot FROM campaign_recipients WHERE "campaignId" = ${campaign.id} AND "sentAt" IS NOT NULL
      UNION ALL SELECT 'delivered', floor(extract(epoch FROM ("deliveredAt" - ${start})) / ${bucket}) FROM campaign_recipients WHERE "campaignId" = ${campaign.id} AND "deliveredAt" IS NOT NULL
      UNION ALL SELECT 'read', floor(extract(epoch FROM ("readAt" - ${start})) / ${bucket}) FROM campaign_recipients WHERE "campaignId" = ${campaign.id} AND "readAt" IS NOT NULL
    ) x GROUP BY kind, slot ORDER BY slot`;
  const slots = Math.max(0, ...rows.map((r) => r.slot)) + 1;
  const series = [];
  const running = { sent: 0, delivered: 0, read: 0 };
  for (let s = 0; s < slots; s++) {
    for (const r of rows) if (r.slot === s) running[r.kind as keyof typeof running] += r.n;
    series.push({ at: new Date(start.getTime() + (s + 1) * bucket * 1000), ...running });
  }
  return { statistics: stats, bucketSeconds: bucket, series };
}
