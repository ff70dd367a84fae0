// GET /api/whatsapp/sessions – the caller's sessions in Chatery's shape
import { chateryListSessions } from "@/lib/compat/chatery/chatery-sessions";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";

export const GET = withChateryEnvelope({ permission: "sessions.read" }, "Sessions retrieved", ({ caller }) => chateryListSessions(caller));
