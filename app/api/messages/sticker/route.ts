// POST /api/messages/sticker – make a sticker from an image (multipart: sessionId, jid, file, pack?, author?) and send it
import { withAuth } from "@/lib/api/with-auth";
import { env } from "@/lib/env";
import { stickerFormSchema } from "@/lib/media/media.schema";
import { formFields, readMultipartForm } from "@/lib/media/read-multipart-form";
import { sendSticker } from "@/lib/messages/send-sticker";

export const POST = withAuth({ permission: "sessions.send", form: true }, async ({ req, caller }) => {
  const input = stickerFormSchema.parse(formFields(await readMultipartForm(req, env.MEDIA_MAX_BYTES)));
  return sendSticker(caller, input, { idempotencyKey: req.headers.get("idempotency-key") });
});
