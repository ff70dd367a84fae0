// POST /api/whatsapp/chats/send-bulk-document – Chatery: a document to up to 100 recipients, as a background job
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { chaterySendBulkDocumentSchema } from "@/lib/compat/chatery/bulk.schema";
import { startBulkJob } from "@/lib/compat/chatery/start-bulk-job";

export const POST = withSeed003Envelope({ permission: "sessions.send", body: chaterySendBulkDocumentSchema }, "Bulk document job started. Check status with jobId.", ({ caller, body }) =>
  startBulkJob(caller, { type: "document", ...body }),
);
