// POST /api/campaigns/[id]/pause – pause a campaign (sending stops within one message)
import { withAuth } from "@/lib/api/with-auth";
import { campaignActionParams } from "@/lib/campaigns/campaigns.schema";
import { changeCampaignStatus } from "@/lib/campaigns/change-campaign-status";

export const POST = withAuth({ permission: "sessions.send", params: campaignActionParams }, ({ caller, params }) =>
  changeCampaignStatus(caller, params.id, "pause"),
);
