// POST /api/recipient-lists/[id]/import – import a CSV body (streamed) with a per-row error report; ?dryRun=true previews
import { withAuth } from "@/lib/api/with-auth";
import { importRecipientListCsv } from "@/lib/recipient-lists/import-recipient-list-csv";
import { importCsvQuery, recipientListParams } from "@/lib/recipient-lists/recipient-lists.schema";

export const POST = withAuth({ permission: "sessions.send", csv: true, params: recipientListParams, query: importCsvQuery }, ({ caller, params, query, req }) =>
  importRecipientListCsv(caller, params.id, req.body, query),
);
