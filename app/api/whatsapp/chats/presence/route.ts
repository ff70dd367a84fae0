// POST /api/whatsapp/chats/presence – seed 003: typing, recording, paused, available or unavailable
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { seed003PresenceSchema } from "@/lib/messages/messages.schema";
import { sendPresence } from "@/lib/messages/send-presence";

export const POST = withSeed003Envelope({ permission: "sessions.send", body: seed003PresenceSchema }, "Presence updated", async ({ caller, body }) => {
  const { jid, presence } = await sendPresence(caller, { sessionId: body.sessionId, jid: body.chatId, presence: body.presence }, "chatId");
  return { chatId: jid, presence };
});
