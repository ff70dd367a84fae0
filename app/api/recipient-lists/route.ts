// GET /api/recipient-lists – the tenant's recipient lists (search by name/description, filter by tag)
// POST /api/recipient-lists – create a list with its recipients (invalid numbers reported per row)
import { withAuth } from "@/lib/api/with-auth";
import { createRecipientList } from "@/lib/recipient-lists/create-recipient-list";
import { listRecipientLists } from "@/lib/recipient-lists/list-recipient-lists";
import { createRecipientListSchema, listRecipientListsQuery } from "@/lib/recipient-lists/recipient-lists.schema";

export const GET = withAuth({ permission: "sessions.send", query: listRecipientListsQuery }, ({ caller, query }) => listRecipientLists(caller, query));

export const POST = withAuth({ permission: "sessions.send", body: createRecipientListSchema }, async ({ caller, body }) =>
  Response.json(await createRecipientList(caller, body), { status: 201 }),
);
