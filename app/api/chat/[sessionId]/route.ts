// GET /api/chat/[sessionId] – the session's chats, newest first (?type=individual|group, ?limit, ?offset, ?search)
import { withAuth } from "@/lib/api/with-auth";
import { listChats } from "@/lib/messages/list-chats";
import { chatListParams, chatListQuery } from "@/lib/messages/messages.schema";

export const GET = withAuth({ permission: "sessions.send", params: chatListParams, query: chatListQuery }, ({ caller, params, query }) =>
  listChats(caller, params.sessionId, query),
);
