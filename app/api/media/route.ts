// POST /api/media – upload a file (multipart: file, sessionId?) to send later by its mediaId
import { withAuth } from "@/lib/api/with-auth";
import { env } from "@/lib/env";
import { uploadMediaSchema } from "@/lib/media/media.schema";
import { uploadMedia } from "@/lib/media/upload-media";

export const POST = withAuth(
  { permission: "sessions.send", form: { schema: uploadMediaSchema, maxFileBytes: () => env.MEDIA_MAX_BYTES } },
  async ({ form, caller }) => Response.json(await uploadMedia(caller, form), { status: 201 }),
);
