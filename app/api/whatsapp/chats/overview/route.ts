// POST /api/whatsapp/chats/overview – Chatery: the session's chats, newest first, filtered by type
import { chateryOverviewSchema } from "@/lib/compat/chatery/chatery.schema";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { listChats } from "@/lib/messages/list-chats";

const TYPES = { all: "all", personal: "individual", group: "group" } as const;

export const POST = withChateryEnvelope({ permission: "sessions.send", body: chateryOverviewSchema }, "Chats retrieved", ({ caller, body }) =>
  listChats(caller, body.sessionId, { type: TYPES[body.type ?? "all"], limit: body.limit ?? 50, offset: body.offset ?? 0 }),
);
