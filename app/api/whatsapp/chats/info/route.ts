// POST /api/whatsapp/chats/info – Chatery: one chat's details
import { chateryChatSchema } from "@/lib/compat/chatery/chatery.schema";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { getChatInfo } from "@/lib/messages/get-chat-info";

export const POST = withChateryEnvelope({ permission: "sessions.send", body: chateryChatSchema }, "Chat info retrieved", ({ caller, body }) =>
  getChatInfo(caller, { sessionId: body.sessionId, jid: body.chatId }, "chatId"),
);
