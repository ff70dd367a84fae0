// POST /api/whatsapp/chats/send-bulk – Chatery: a text to up to 100 recipients, as a background job
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { chaterySendBulkSchema } from "@/lib/compat/chatery/bulk.schema";
import { startBulkJob } from "@/lib/compat/chatery/start-bulk-job";

export const POST = withSeed003Envelope({ permission: "sessions.send", body: chaterySendBulkSchema }, "Bulk message job started. Check status with jobId.", ({ caller, body }) =>
  startBulkJob(caller, { type: "text", ...body }),
);
