// GET /api/whatsapp/createqr – connect the caller's default session and answer the URL of its QR image on this gateway (Automation API)
import { withAuth } from "@/lib/api/with-auth";
import { automationCreateQr } from "@/lib/compat/automation-api/automation-api-whatsapp";
import { publicOrigin } from "@/lib/server/public-origin";

export const GET = withAuth({ permission: "sessions.manage" }, ({ caller, req }) => automationCreateQr(caller, publicOrigin(req)));
