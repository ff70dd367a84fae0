// GET /api/sandbox/contacts/[phone]/messages/[id]/media – the decrypted media a contact received from one of the caller's sessions
import { withAuth } from "@/lib/api/with-auth";
import { contactMediaParams, downloadContactMedia } from "@/lib/sandbox/download-contact-media";

export const GET = withAuth({ permission: "sessions.read", params: contactMediaParams }, async ({ caller, params }) => {
  const { bytes, mimetype } = await downloadContactMedia(caller, params.phone, params.id);
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": mimetype, "Content-Disposition": "attachment", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
  });
});
