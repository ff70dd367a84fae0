// POST /api/recipient-lists/[id]/clone – copy a list under a new name { newName }
import { withAuth } from "@/lib/api/with-auth";
import { cloneRecipientList } from "@/lib/recipient-lists/clone-recipient-list";
import { cloneRecipientListSchema, recipientListParams } from "@/lib/recipient-lists/recipient-lists.schema";

export const POST = withAuth({ permission: "sessions.send", params: recipientListParams, body: cloneRecipientListSchema }, async ({ caller, params, body }) =>
  Response.json(await cloneRecipientList(caller, params.id, body.newName), { status: 201 }),
);
