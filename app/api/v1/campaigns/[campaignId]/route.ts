// GET /api/v1/campaigns/[campaignId] – Campaign API: a campaign with every recipient's delivery status
// DELETE /api/v1/campaigns/[campaignId] – Campaign API: delete a campaign and its data
import { v1CampaignParams } from "@/lib/compat/campaign-api/campaign-api.schema";
import { v1DeleteCampaign, v1GetCampaign } from "@/lib/compat/campaign-api/campaign-api-campaigns";
import { withCampaignApi } from "@/lib/compat/campaign-api/with-campaign-api";

export const GET = withCampaignApi({ permission: "sessions.read", params: v1CampaignParams }, ({ caller, params }) => v1GetCampaign(caller, params.campaignId));

export const DELETE = withCampaignApi({ permission: "sessions.send", params: v1CampaignParams }, ({ caller, params }) =>
  v1DeleteCampaign(caller, params.campaignId),
);
