// POST /api/whatsapp/chats/send-button – Chatery: deprecated buttons, sent as a text with numbered choices
import { chaterySendButtonSchema } from "@/lib/compat/chatery/chatery.schema";
import { fromChatery } from "@/lib/compat/chatery/from-chatery";
import { sendChateryMessage } from "@/lib/compat/chatery/send-chatery-message";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";

export const POST = withChateryEnvelope({ permission: "sessions.send", body: chaterySendButtonSchema }, "Message queued for sending", ({ caller, req, body }) =>
  sendChateryMessage(caller, fromChatery.button(body), req.headers.get("idempotency-key")),
);
