// GET /api/messages/queue – the Automation API's message queue of the caller's default session (?page&limit)
import { withAuth } from "@/lib/api/with-auth";
import { automationQueueQuery } from "@/lib/compat/automation-api/automation-api.schema";
import { listAutomationQueue } from "@/lib/compat/automation-api/list-automation-queue";

export const GET = withAuth({ permission: "sessions.send", query: automationQueueQuery }, ({ caller, query }) => listAutomationQueue(caller, query));
