// GET /api/whatsapp/sessions/{sessionId}/qr/image – the QR code as a PNG (Chatery)
import { chaterySessionParams } from "@/lib/compat/chatery/chatery.schema";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { getSessionQrImage } from "@/lib/sessions/get-session-qr";

export const GET = withChateryEnvelope({ permission: "sessions.manage", params: chaterySessionParams }, "QR code retrieved", async ({ caller, params }) => {
  const png = await getSessionQrImage(caller, params.sessionId);
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png", "Cache-Control": "no-store" } });
});
