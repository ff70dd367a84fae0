// GET /api/media/[id] – the bytes of a stored file the caller may see (uploads, incoming media, stickers)
import { withAuth } from "@/lib/api/with-auth";
import { mediaIdParams } from "@/lib/media/media.schema";
import { openMediaDownload } from "@/lib/media/open-media-download";

export const GET = withAuth({ permission: "sessions.read", params: mediaIdParams }, async ({ caller, params }) => {
  const { body, headers } = await openMediaDownload(caller, params.id);
  return new Response(body, { headers });
});
