// POST /api/campaigns/[id]/start – start a draft or scheduled campaign now
import { withAuth } from "@/lib/api/with-auth";
import { campaignActionParams } from "@/lib/campaigns/campaigns.schema";
import { changeCampaignStatus } from "@/lib/campaigns/change-campaign-status";

export const POST = withAuth({ permission: "sessions.send", params: campaignActionParams }, ({ caller, params }) =>
  changeCampaignStatus(caller, params.id, "start"),
);
