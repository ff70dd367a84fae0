// POST /api/whatsapp/chats/send-bulk-image – Chatery: an image to up to 100 recipients, as a background job
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { chaterySendBulkImageSchema } from "@/lib/compat/chatery/bulk.schema";
import { startBulkJob } from "@/lib/compat/chatery/start-bulk-job";

export const POST = withChateryEnvelope(
  { permission: "sessions.send", body: chaterySendBulkImageSchema },
  "Bulk image job started. Check status with jobId.",
  ({ caller, body }) => startBulkJob(caller, { type: "image", ...body }),
);
