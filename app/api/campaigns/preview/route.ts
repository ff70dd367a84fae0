// POST /api/campaigns/preview – what each of a few recipients would receive (the wizard's live preview)
import { withAuth } from "@/lib/api/with-auth";
import { previewCampaignSchema } from "@/lib/campaigns/campaigns.schema";
import { previewCampaignMessage } from "@/lib/campaigns/preview-campaign-message";

export const POST = withAuth({ permission: "sessions.send", body: previewCampaignSchema }, async ({ body }) =>
  previewCampaignMessage(body.message, body.recipients),
);
