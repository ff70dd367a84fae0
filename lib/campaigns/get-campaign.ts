import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { getCampaignOrThrow } from "@/lib/campaigns/get-campaign-or-throw";
import { getCampaignStats } from "@/lib/campaigns/get-campaign-stats";
import { publicCampaign } from "@/lib/campaigns/public-campaign";
import { db } from "@/lib/server/runtime";

export async function getCampaign(caller: Caller, id: string) {
  const campaign = await getCampaignOrThrow(caller, id);
  return publicCampaign(campaign, await getCampaignStats(db(), campaign));
}
