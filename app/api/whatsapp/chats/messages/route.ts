// POST /api/whatsapp/chats/messages – seed 003: a chat's messages, newest first, with a cursor
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { listChatMessages } from "@/lib/messages/list-chat-messages";
import { seed003MessagesSchema } from "@/lib/messages/messages.schema";

export const POST = withSeed003Envelope({ permission: "sessions.send", body: seed003MessagesSchema }, "Messages retrieved", async ({ caller, body }) => {
  const page = await listChatMessages(caller, body.sessionId, body.chatId, { limit: body.limit ?? 50, cursor: body.cursor ?? undefined }, "chatId");
  return { chatId: page.jid, messages: page.messages, nextCursor: page.nextCursor, hasMore: page.nextCursor !== null };
});
