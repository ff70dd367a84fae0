// POST /api/v1/recipient-lists/[listId]/clone – Campaign API: copy a list under { newName }
import { v1ListParams } from "@/lib/compat/campaign-api/campaign-api.schema";
import { withCampaignApi } from "@/lib/compat/campaign-api/with-campaign-api";
import { cloneRecipientList } from "@/lib/recipient-lists/clone-recipient-list";
import { cloneRecipientListSchema } from "@/lib/recipient-lists/recipient-lists.schema";

export const POST = withCampaignApi({ permission: "sessions.send", params: v1ListParams, body: cloneRecipientListSchema }, async ({ caller, params, body }) =>
  Response.json(await cloneRecipientList(caller, params.listId, body.newName), { status: 201 }),
);
