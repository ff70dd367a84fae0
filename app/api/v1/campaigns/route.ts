// POST /api/v1/campaigns – Campaign API: create a campaign (draft, or scheduled with scheduledAt)
// GET /api/v1/campaigns – Campaign API: the caller's campaigns with statistics
import { v1CreateCampaignSchema } from "@/lib/compat/campaign-api/campaign-api.schema";
import { v1CreateCampaign, v1ListCampaigns } from "@/lib/compat/campaign-api/campaign-api-campaigns";
import { withCampaignApi } from "@/lib/compat/campaign-api/with-campaign-api";

export const POST = withCampaignApi({ permission: "sessions.send", body: v1CreateCampaignSchema }, async ({ caller, body }) =>
  Response.json(await v1CreateCampaign(caller, body), { status: 201 }),
);

export const GET = withCampaignApi({ permission: "sessions.read" }, ({ caller }) => v1ListCampaigns(caller));
