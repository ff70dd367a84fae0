// GET /api/whatsapp/sessions/{sessionId}/qr – the QR code as a data URL in `qrCode` (Chatery)
import { chaterySessionParams } from "@/lib/compat/chatery/chatery.schema";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { getSessionQr } from "@/lib/sessions/get-session-qr";
import { CHATERY_STATUS } from "@/lib/sessions/sessions.schema";

export const GET = withChateryEnvelope({ permission: "sessions.manage", params: chaterySessionParams }, "QR code retrieved", async ({ caller, params }) => {
  const qr = await getSessionQr(caller, params.sessionId);
  return { sessionId: params.sessionId, status: CHATERY_STATUS[qr.status], qrCode: qr.qr };
});
