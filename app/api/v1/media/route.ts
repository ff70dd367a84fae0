// POST /api/v1/media – upload an image or document (multipart `file`, up to 25 MB) to send later by mediaId (Campaign API)
import { withCampaignApi } from "@/lib/compat/campaign-api/with-campaign-api";
import { V1_MEDIA_MAX_BYTES, v1UploadMedia } from "@/lib/compat/campaign-api/campaign-api-messages";
import { env } from "@/lib/env";
import { uploadMediaSchema } from "@/lib/media/media.schema";
import { formFields, readMultipartForm } from "@/lib/media/read-multipart-form";

// form: a multipart upload, so a cookie caller must be our own page (withAuth's upload rule).
export const POST = withCampaignApi({ permission: "sessions.send", form: true }, async ({ req, caller }) => {
  const input = uploadMediaSchema.parse(formFields(await readMultipartForm(req, Math.min(env.MEDIA_MAX_BYTES, V1_MEDIA_MAX_BYTES))));
  return Response.json(await v1UploadMedia(caller, input), { status: 201 });
});
