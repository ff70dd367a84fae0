// GET /api/campaigns/[id]/recipients – a campaign's recipients with their status, filtered, searched, paginated
import { withAuth } from "@/lib/api/with-auth";
import { campaignParams, listRecipientsQuery } from "@/lib/campaigns/campaigns.schema";
import { listCampaignRecipients } from "@/lib/campaigns/list-campaign-recipients";

export const GET = withAuth({ permission: "sessions.read", params: campaignParams, query: listRecipientsQuery }, ({ caller, params, query }) =>
  listCampaignRecipients(caller, params.id, query),
);
