import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { campaignScope } from "@/lib/campaigns/campaign-scope";
import type { ListCampaignsQuery } from "@/lib/campaigns/campaigns.schema";
import { getCampaignStats } from "@/lib/campaigns/get-campaign-stats";
import { CAMPAIGN_SELECT, publicCampaign } from "@/lib/campaigns/public-campaign";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/runtime";

/** The caller's campaigns, newest first, each with its statistics. */
export async function listCampaigns(caller: Caller, query: ListCampaignsQuery) {
  const and: Prisma.CampaignWhereInput[] = [campaignScope(caller)];
  if (query.status) and.push({ status: query.status });
  if (query.sessionId) and.push({ session: { OR: [{ sessionId: query.sessionId }, { id: query.sessionId }] } });
  if (query.search) and.push({ name: { contains: query.search, mode: "insensitive" } });
  const where = { AND: and };
  const [rows, total] = await Promise.all([
    db().campaign.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
      select: CAMPAIGN_SELECT,
    }),
    db().campaign.count({ where }),
  ]);
  const campaigns = [];
  for (const c of rows) campaigns.push(publicCampaign(c, await getCampaignStats(db(), c, { sync: c.status !== "draft" })));
  return { campaigns, total, page: query.page, limit: query.limit };
}
