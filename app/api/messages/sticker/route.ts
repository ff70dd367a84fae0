// POST /api/messages/sticker – make a sticker from an image (multipart: sessionId, jid, file, pack?, author?) and send it
import { withAuth } from "@/lib/api/with-auth";
import { env } from "@/lib/env";
import { stickerFormSchema } from "@/lib/media/media.schema";
import { sendSticker } from "@/lib/messages/send-sticker";

export const POST = withAuth(
  { permission: "sessions.send", form: { schema: stickerFormSchema, maxFileBytes: () => env.MEDIA_MAX_BYTES } },
  async ({ req, caller, form }) => sendSticker(caller, form, { idempotencyKey: req.headers.get("idempotency-key") }),
);
