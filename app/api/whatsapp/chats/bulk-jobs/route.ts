// POST /api/whatsapp/chats/bulk-jobs – Chatery: the bulk jobs (campaigns) of one session
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { chateryBulkJobsSchema } from "@/lib/compat/chatery/bulk.schema";
import { listBulkJobs } from "@/lib/compat/chatery/bulk-job-status";

export const POST = withSeed003Envelope({ permission: "sessions.read", body: chateryBulkJobsSchema }, "Bulk jobs", ({ caller, body }) => listBulkJobs(caller, body.sessionId));
