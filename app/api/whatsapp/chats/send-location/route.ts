// POST /api/whatsapp/chats/send-location – Chatery: send a location
import { chaterySendLocationSchema } from "@/lib/compat/chatery/chatery.schema";
import { fromChatery } from "@/lib/compat/chatery/from-chatery";
import { sendChateryMessage } from "@/lib/compat/chatery/send-chatery-message";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";

export const POST = withChateryEnvelope(
  { permission: "sessions.send", body: chaterySendLocationSchema },
  "Message queued for sending",
  ({ caller, req, body }) => sendChateryMessage(caller, fromChatery.location(body), req.headers.get("idempotency-key")),
);
