// POST /api/v1/campaigns/[campaignId]/resume – Campaign API: resume a paused campaign where it left off
import { v1CampaignParams } from "@/lib/compat/campaign-api/campaign-api.schema";
import { v1ChangeCampaign } from "@/lib/compat/campaign-api/campaign-api-campaigns";
import { withCampaignApi } from "@/lib/compat/campaign-api/with-campaign-api";

export const POST = withCampaignApi({ permission: "sessions.send", params: v1CampaignParams }, ({ caller, params }) =>
  v1ChangeCampaign(caller, params.campaignId, "resume"),
);
