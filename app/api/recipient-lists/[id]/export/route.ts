// GET /api/recipient-lists/[id]/export – the list as CSV (number, name, then every field)
import { withAuth } from "@/lib/api/with-auth";
import { exportRecipientListCsv } from "@/lib/recipient-lists/export-recipient-list-csv";
import { recipientListParams } from "@/lib/recipient-lists/recipient-lists.schema";

export const GET = withAuth({ permission: "sessions.send", params: recipientListParams }, ({ caller, params }) => exportRecipientListCsv(caller, params.id));
