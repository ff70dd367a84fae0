// POST /api/whatsapp/chats/send-audio – Chatery: send audio (OGG/Opus) from a URL, as a voice note with ptt
import { chaterySendAudioSchema } from "@/lib/compat/chatery/chatery.schema";
import { fromChatery } from "@/lib/compat/chatery/from-chatery";
import { sendChateryMessage } from "@/lib/compat/chatery/send-chatery-message";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";

export const POST = withChateryEnvelope({ permission: "sessions.send", body: chaterySendAudioSchema }, "Message queued for sending", ({ caller, req, body }) =>
  sendChateryMessage(caller, fromChatery.audio(body), req.headers.get("idempotency-key")),
);
