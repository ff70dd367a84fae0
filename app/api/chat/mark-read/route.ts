// POST /api/chat/mark-read – send read receipts for a chat's unread messages and reset its unread count
import { withAuth } from "@/lib/api/with-auth";
import { markChatRead } from "@/lib/messages/mark-chat-read";
import { markReadSchema } from "@/lib/messages/messages.schema";

export const POST = withAuth({ permission: "sessions.send", body: markReadSchema }, async ({ caller, body }) => {
  const { markedCount } = await markChatRead(caller, body);
  return { markedCount };
});
