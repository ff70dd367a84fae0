// GET /api/v1/recipient-lists/[listId] – Campaign API: a list with all its recipients
// PUT /api/v1/recipient-lists/[listId] – Campaign API: change name, description, tags or recipients
// DELETE /api/v1/recipient-lists/[listId] – Campaign API: delete a list
import { v1ListParams } from "@/lib/compat/campaign-api/campaign-api.schema";
import { v1DeleteRecipientList } from "@/lib/compat/campaign-api/campaign-api-recipient-lists";
import { withCampaignApi } from "@/lib/compat/campaign-api/with-campaign-api";
import { getRecipientList } from "@/lib/recipient-lists/get-recipient-list";
import { MAX_CAMPAIGN_RECIPIENTS } from "@/lib/campaigns/campaigns.schema";
import { updateRecipientListSchema } from "@/lib/recipient-lists/recipient-lists.schema";
import { updateRecipientList } from "@/lib/recipient-lists/update-recipient-list";

export const GET = withCampaignApi({ permission: "sessions.send", params: v1ListParams }, ({ caller, params }) =>
  getRecipientList(caller, params.listId, { limit: MAX_CAMPAIGN_RECIPIENTS, offset: 0 }),
);

export const PUT = withCampaignApi({ permission: "sessions.send", params: v1ListParams, body: updateRecipientListSchema }, ({ caller, params, body }) =>
  updateRecipientList(caller, params.listId, body),
);

export const DELETE = withCampaignApi({ permission: "sessions.send", params: v1ListParams }, ({ caller, params }) =>
  v1DeleteRecipientList(caller, params.listId),
);
