// GET /api/campaigns – the caller's campaigns with their statistics (filter by status, session, name)
// POST /api/campaigns – create a campaign: recipients inline and/or from lists, template, schedule, settings
import { withAuth } from "@/lib/api/with-auth";
import { createCampaignSchema, listCampaignsQuery } from "@/lib/campaigns/campaigns.schema";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";

export const GET = withAuth({ permission: "sessions.read", query: listCampaignsQuery }, ({ caller, query }) => listCampaigns(caller, query));

export const POST = withAuth({ permission: "sessions.send", body: createCampaignSchema }, async ({ caller, body }) =>
  Response.json(await createCampaign(caller, body), { status: 201 }),
);
