// GET /api/whatsapp/chats/bulk-status/[jobId] – Chatery: a bulk job's progress and per-recipient details
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { chateryBulkStatusParams } from "@/lib/compat/chatery/bulk.schema";
import { getBulkJobStatus } from "@/lib/compat/chatery/bulk-job-status";

export const GET = withChateryEnvelope({ permission: "sessions.read", params: chateryBulkStatusParams }, "Bulk job status", ({ caller, params }) =>
  getBulkJobStatus(caller, params.jobId),
);
