// POST /api/messages/send – the Automation API's send (multipart: phoneId, message, mediaFile?, scheduledTime?) on the caller's default session
import { withAuth } from "@/lib/api/with-auth";
import { readAutomationSend } from "@/lib/compat/automation-api/read-automation-send";
import { sendAutomationMessage } from "@/lib/compat/automation-api/send-automation-message";
import { env } from "@/lib/env";

export const POST = withAuth({ permission: "sessions.send" }, async ({ caller, req }) =>
  sendAutomationMessage(caller, await readAutomationSend(req, env.MEDIA_MAX_BYTES), { idempotencyKey: req.headers.get("idempotency-key") }),
);
