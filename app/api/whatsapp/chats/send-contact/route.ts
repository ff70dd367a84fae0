// POST /api/whatsapp/chats/send-contact – Chatery: send a contact card
import { chaterySendContactSchema } from "@/lib/compat/chatery/chatery.schema";
import { fromChatery } from "@/lib/compat/chatery/from-chatery";
import { sendChateryMessage } from "@/lib/compat/chatery/send-chatery-message";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";

export const POST = withChateryEnvelope(
  { permission: "sessions.send", body: chaterySendContactSchema },
  "Message queued for sending",
  ({ caller, req, body }) => sendChateryMessage(caller, fromChatery.contact(body), req.headers.get("idempotency-key")),
);
