// POST /api/whatsapp/chats/send-image – seed 003: send an image from a URL
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { fromSeed003 } from "@/lib/messages/from-seed003";
import { seed003SendImageSchema } from "@/lib/messages/messages.schema";
import { sendSeed003Message } from "@/lib/messages/send-seed003-message";

export const POST = withSeed003Envelope({ permission: "sessions.send", body: seed003SendImageSchema }, "Message queued for sending", ({ caller, req, body }) =>
  sendSeed003Message(caller, fromSeed003.image(body), req.headers.get("idempotency-key")),
);
