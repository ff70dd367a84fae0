// POST /api/whatsapp/chats/send-button – seed 003: deprecated buttons, sent as a text with numbered choices
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { fromSeed003 } from "@/lib/messages/from-seed003";
import { seed003SendButtonSchema } from "@/lib/messages/messages.schema";
import { sendSeed003Message } from "@/lib/messages/send-seed003-message";

export const POST = withSeed003Envelope({ permission: "sessions.send", body: seed003SendButtonSchema }, "Message queued for sending", ({ caller, req, body }) =>
  sendSeed003Message(caller, fromSeed003.button(body), req.headers.get("idempotency-key")),
);
