// POST /api/whatsapp/chats/send-text – seed 003: send a text message
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { fromSeed003 } from "@/lib/messages/from-seed003";
import { seed003SendTextSchema } from "@/lib/messages/messages.schema";
import { sendSeed003Message } from "@/lib/messages/send-seed003-message";

export const POST = withSeed003Envelope({ permission: "sessions.send", body: seed003SendTextSchema }, "Message queued for sending", ({ caller, req, body }) =>
  sendSeed003Message(caller, fromSeed003.text(body), req.headers.get("idempotency-key")),
);
