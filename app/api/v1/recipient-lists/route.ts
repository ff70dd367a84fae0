// POST /api/v1/recipient-lists – Campaign API: create a named recipient list
// GET /api/v1/recipient-lists – Campaign API: the caller's lists (?search= name/description, ?tag=)
import { withCampaignApi } from "@/lib/compat/campaign-api/with-campaign-api";
import { createRecipientList } from "@/lib/recipient-lists/create-recipient-list";
import { listRecipientLists } from "@/lib/recipient-lists/list-recipient-lists";
import { createRecipientListSchema, listRecipientListsQuery } from "@/lib/recipient-lists/recipient-lists.schema";

export const POST = withCampaignApi({ permission: "sessions.send", body: createRecipientListSchema }, async ({ caller, body }) =>
  Response.json(await createRecipientList(caller, body), { status: 201 }),
);

export const GET = withCampaignApi({ permission: "sessions.send", query: listRecipientListsQuery }, ({ caller, query }) => listRecipientLists(caller, query));
