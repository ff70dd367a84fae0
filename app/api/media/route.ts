// POST /api/media – upload a file (multipart: file, sessionId?) to send later by its mediaId
import { withAuth } from "@/lib/api/with-auth";
import { env } from "@/lib/env";
import { uploadMediaSchema } from "@/lib/media/media.schema";
import { formFields, readMultipartForm } from "@/lib/media/read-multipart-form";
import { uploadMedia } from "@/lib/media/upload-media";

export const POST = withAuth({ permission: "sessions.send", form: true }, async ({ req, caller }) => {
  const input = uploadMediaSchema.parse(formFields(await readMultipartForm(req, env.MEDIA_MAX_BYTES)));
  return Response.json(await uploadMedia(caller, input), { status: 201 });
});
