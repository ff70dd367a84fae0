// GET /api/whatsapp/status – the default session's status, phone number and name (Automation API)
import { withAuth } from "@/lib/api/with-auth";
import { automationStatus } from "@/lib/compat/automation-api/automation-api-whatsapp";

export const GET = withAuth({ permission: "sessions.read" }, ({ caller }) => automationStatus(caller));
