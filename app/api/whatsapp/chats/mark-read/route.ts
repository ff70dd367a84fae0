// POST /api/whatsapp/chats/mark-read – Chatery: mark a chat's unread messages as read
import { chateryChatSchema } from "@/lib/compat/chatery/chatery.schema";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { markChatRead } from "@/lib/messages/mark-chat-read";

export const POST = withChateryEnvelope({ permission: "sessions.send", body: chateryChatSchema }, "Chat marked as read", async ({ caller, body }) => {
  const { chatId, isGroup, markedCount } = await markChatRead(caller, { sessionId: body.sessionId, jid: body.chatId }, "chatId");
  return { chatId, isGroup, markedCount };
});
