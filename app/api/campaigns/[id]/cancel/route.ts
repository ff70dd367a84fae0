// POST /api/campaigns/[id]/cancel – cancel a campaign; its pending recipients are skipped
import { withAuth } from "@/lib/api/with-auth";
import { campaignActionParams } from "@/lib/campaigns/campaigns.schema";
import { changeCampaignStatus } from "@/lib/campaigns/change-campaign-status";

export const POST = withAuth({ permission: "sessions.send", params: campaignActionParams }, ({ caller, params }) =>
  changeCampaignStatus(caller, params.id, "cancel"),
);
