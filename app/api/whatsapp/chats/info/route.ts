// POST /api/whatsapp/chats/info – seed 003: one chat's details
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { getChatInfo } from "@/lib/messages/get-chat-info";
import { seed003ChatSchema } from "@/lib/messages/messages.schema";

export const POST = withSeed003Envelope({ permission: "sessions.send", body: seed003ChatSchema }, "Chat info retrieved", ({ caller, body }) =>
  getChatInfo(caller, { sessionId: body.sessionId, jid: body.chatId }, "chatId"),
);
