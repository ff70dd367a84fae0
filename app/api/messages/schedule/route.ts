// POST /api/messages/schedule – the Automation API's scheduled send ({ phoneId, message, scheduledTime, aiModifications? }) on the caller's default session
import { withAuth } from "@/lib/api/with-auth";
import { automationScheduleSchema } from "@/lib/compat/automation-api/automation-api.schema";
import { scheduleAutomationMessage } from "@/lib/compat/automation-api/send-automation-message";

export const POST = withAuth({ permission: "automation.manage", body: automationScheduleSchema }, ({ caller, body }) =>
  scheduleAutomationMessage(caller, body),
);
