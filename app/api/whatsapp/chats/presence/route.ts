// POST /api/whatsapp/chats/presence – Chatery: typing, recording, paused, available or unavailable
import { chateryPresenceSchema } from "@/lib/compat/chatery/chatery.schema";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { sendPresence } from "@/lib/messages/send-presence";

export const POST = withChateryEnvelope({ permission: "sessions.send", body: chateryPresenceSchema }, "Presence updated", async ({ caller, body }) => {
  const { jid, presence } = await sendPresence(caller, { sessionId: body.sessionId, jid: body.chatId, presence: body.presence }, "chatId");
  return { chatId: jid, presence };
});
