// POST /api/whatsapp/chats/send-bulk-document – Chatery: a document to up to 100 recipients, as a background job
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { chaterySendBulkDocumentSchema } from "@/lib/compat/chatery/bulk.schema";
import { startBulkJob } from "@/lib/compat/chatery/start-bulk-job";

export const POST = withChateryEnvelope(
  { permission: "sessions.send", body: chaterySendBulkDocumentSchema },
  "Bulk document job started. Check status with jobId.",
  ({ caller, body }) => startBulkJob(caller, { type: "document", ...body }),
);
