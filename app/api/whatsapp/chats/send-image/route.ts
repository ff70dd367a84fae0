// POST /api/whatsapp/chats/send-image – Chatery: send an image from a URL
import { chaterySendImageSchema } from "@/lib/compat/chatery/chatery.schema";
import { fromChatery } from "@/lib/compat/chatery/from-chatery";
import { sendChateryMessage } from "@/lib/compat/chatery/send-chatery-message";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";

export const POST = withChateryEnvelope({ permission: "sessions.send", body: chaterySendImageSchema }, "Message queued for sending", ({ caller, req, body }) =>
  sendChateryMessage(caller, fromChatery.image(body), req.headers.get("idempotency-key")),
);
