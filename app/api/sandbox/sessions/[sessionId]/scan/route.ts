// POST /api/sandbox/sessions/[sessionId]/scan – the sandbox phone scans the session's QR (sandbox mode only)
import { withAuth } from "@/lib/api/with-auth";
import { sandboxSessionParams, scanSchema } from "@/lib/sandbox/sandbox.schema";
import { scanSessionQr } from "@/lib/sandbox/scan-session-qr";

export const POST = withAuth({ permission: "sessions.manage", params: sandboxSessionParams, body: scanSchema }, ({ caller, params, body }) =>
  scanSessionQr(caller, params.sessionId, body.phone),
);
