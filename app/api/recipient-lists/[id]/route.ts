// GET /api/recipient-lists/[id] – a list with its recipients
// PUT /api/recipient-lists/[id] – change name, description, tags; `recipients` replaces them all
// DELETE /api/recipient-lists/[id] – delete a list (campaigns made from it keep their recipients)
import { withAuth } from "@/lib/api/with-auth";
import { deleteRecipientList } from "@/lib/recipient-lists/delete-recipient-list";
import { getRecipientList } from "@/lib/recipient-lists/get-recipient-list";
import { getRecipientListQuery, recipientListParams, updateRecipientListSchema } from "@/lib/recipient-lists/recipient-lists.schema";
import { updateRecipientList } from "@/lib/recipient-lists/update-recipient-list";

export const GET = withAuth({ permission: "sessions.send", params: recipientListParams, query: getRecipientListQuery }, ({ caller, params, query }) =>
  getRecipientList(caller, params.id, query),
);

export const PUT = withAuth({ permission: "sessions.send", params: recipientListParams, body: updateRecipientListSchema }, ({ caller, params, body }) =>
  updateRecipientList(caller, params.id, body),
);

export const DELETE = withAuth({ permission: "sessions.send", params: recipientListParams }, ({ caller, params }) => deleteRecipientList(caller, params.id));
