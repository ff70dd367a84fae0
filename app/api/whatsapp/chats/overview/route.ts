// POST /api/whatsapp/chats/overview – seed 003: the session's chats, newest first, filtered by type
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { listChats } from "@/lib/messages/list-chats";
import { seed003OverviewSchema } from "@/lib/messages/messages.schema";

const TYPES = { all: "all", personal: "individual", group: "group" } as const;

export const POST = withSeed003Envelope({ permission: "sessions.send", body: seed003OverviewSchema }, "Chats retrieved", ({ caller, body }) =>
  listChats(caller, body.sessionId, { type: TYPES[body.type ?? "all"], limit: body.limit ?? 50, offset: body.offset ?? 0 }),
);
