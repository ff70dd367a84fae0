// GET /api/sessions/[id]/qr/image – the current QR code as a PNG
import { withAuth } from "@/lib/api/with-auth";
import { getSessionQrImage } from "@/lib/sessions/get-session-qr";
import { sessionIdParams } from "@/lib/sessions/sessions.schema";

export const GET = withAuth({ permission: "sessions.manage", params: sessionIdParams }, async ({ caller, params }) => {
  const png = await getSessionQrImage(caller, params.id);
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png", "Cache-Control": "no-store" } });
});
