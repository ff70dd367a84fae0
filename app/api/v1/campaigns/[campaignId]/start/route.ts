// POST /api/v1/campaigns/[campaignId]/start – Campaign API: start a campaign now, whatever its scheduled time
import { v1CampaignParams } from "@/lib/compat/campaign-api/campaign-api.schema";
import { v1ChangeCampaign } from "@/lib/compat/campaign-api/campaign-api-campaigns";
import { withCampaignApi } from "@/lib/compat/campaign-api/with-campaign-api";

export const POST = withCampaignApi({ permission: "sessions.send", params: v1CampaignParams }, ({ caller, params }) =>
  v1ChangeCampaign(caller, params.campaignId, "start"),
);
