// GET /api/campaigns/[id]/stats – statistics and rates, with a sent/delivered/read time series for the chart
import { withAuth } from "@/lib/api/with-auth";
import { campaignParams, campaignStatsQuery } from "@/lib/campaigns/campaigns.schema";
import { getCampaignTimeline } from "@/lib/campaigns/get-campaign-timeline";

export const GET = withAuth({ permission: "sessions.read", params: campaignParams, query: campaignStatsQuery }, ({ caller, params, query }) =>
  getCampaignTimeline(caller, params.id, query),
);
