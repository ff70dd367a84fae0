// POST /api/whatsapp/chats/mark-read – seed 003: mark a chat's unread messages as read
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { markChatRead } from "@/lib/messages/mark-chat-read";
import { seed003ChatSchema } from "@/lib/messages/messages.schema";

export const POST = withSeed003Envelope({ permission: "sessions.send", body: seed003ChatSchema }, "Chat marked as read", async ({ caller, body }) => {
  const { chatId, isGroup, markedCount } = await markChatRead(caller, { sessionId: body.sessionId, jid: body.chatId }, "chatId");
  return { chatId, isGroup, markedCount };
});
