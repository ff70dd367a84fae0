// GET /api/chat/[sessionId]/[jid] – a chat's messages, newest first; the next page's cursor is in X-Next-Cursor
import { withAuth } from "@/lib/api/with-auth";
import { listChatMessages } from "@/lib/messages/list-chat-messages";
import { chatMessagesParams, chatMessagesQuery } from "@/lib/messages/messages.schema";

export const GET = withAuth({ permission: "sessions.send", params: chatMessagesParams, query: chatMessagesQuery }, async ({ caller, params, query }) => {
  const page = await listChatMessages(caller, params.sessionId, params.jid, query);
  // Ultimate WhatsApp Gateway answers a plain array; the cursor travels beside it.
  return Response.json(page.messages, { headers: page.nextCursor ? { "X-Next-Cursor": page.nextCursor } : {} });
});
