// GET /api/campaigns/[id] – one campaign with its statistics
// DELETE /api/campaigns/[id] – delete a campaign and its recipients (a send not yet in hand is taken back)
import { withAuth } from "@/lib/api/with-auth";
import { campaignParams } from "@/lib/campaigns/campaigns.schema";
import { deleteCampaign } from "@/lib/campaigns/delete-campaign";
import { getCampaign } from "@/lib/campaigns/get-campaign";

export const GET = withAuth({ permission: "sessions.read", params: campaignParams }, ({ caller, params }) => getCampaign(caller, params.id));

export const DELETE = withAuth({ permission: "sessions.send", params: campaignParams }, ({ caller, params }) => deleteCampaign(caller, params.id));
