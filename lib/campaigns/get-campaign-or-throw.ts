import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { campaignScope } from "@/lib/campaigns/campaign-scope";
import { CAMPAIGN_SELECT } from "@/lib/campaigns/public-campaign";
import { db } from "@/lib/server/runtime";

/** A campaign within the caller's reach, or a 404. */
export async function getCampaignOrThrow(caller: Caller, id: string) {
  const campaign = await db().campaign.findFirst({ where: { AND: [campaignScope(caller), { id }] }, select: CAMPAIGN_SELECT });
  if (!campaign) throw notFound("Campaign");
  return campaign;
}
