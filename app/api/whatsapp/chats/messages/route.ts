// POST /api/whatsapp/chats/messages – Chatery: a chat's messages, newest first, with a cursor
import { chateryMessagesSchema } from "@/lib/compat/chatery/chatery.schema";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { listChatMessages } from "@/lib/messages/list-chat-messages";

export const POST = withChateryEnvelope({ permission: "sessions.send", body: chateryMessagesSchema }, "Messages retrieved", async ({ caller, body }) => {
  const page = await listChatMessages(caller, body.sessionId, body.chatId, { limit: body.limit ?? 50, cursor: body.cursor ?? undefined }, "chatId");
  return { chatId: page.jid, messages: page.messages, nextCursor: page.nextCursor, hasMore: page.nextCursor !== null };
});
