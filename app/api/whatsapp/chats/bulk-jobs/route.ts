// POST /api/whatsapp/chats/bulk-jobs – Chatery: the bulk jobs (campaigns) of one session
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { chateryBulkJobsSchema } from "@/lib/compat/chatery/bulk.schema";
import { listBulkJobs } from "@/lib/compat/chatery/bulk-job-status";

export const POST = withChateryEnvelope({ permission: "sessions.read", body: chateryBulkJobsSchema }, "Bulk jobs", ({ caller, body }) =>
  listBulkJobs(caller, body.sessionId),
);
