// POST /api/whatsapp/chats/send-contact – seed 003: send a contact card
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { fromSeed003 } from "@/lib/messages/from-seed003";
import { seed003SendContactSchema } from "@/lib/messages/messages.schema";
import { sendSeed003Message } from "@/lib/messages/send-seed003-message";

export const POST = withSeed003Envelope({ permission: "sessions.send", body: seed003SendContactSchema }, "Message queued for sending", ({ caller, req, body }) =>
  sendSeed003Message(caller, fromSeed003.contact(body), req.headers.get("idempotency-key")),
);
