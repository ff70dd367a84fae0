// POST /api/chat/presence – show typing, recording or paused in a chat, or go available/unavailable
import { withAuth } from "@/lib/api/with-auth";
import { presenceSchema } from "@/lib/messages/messages.schema";
import { sendPresence } from "@/lib/messages/send-presence";

export const POST = withAuth({ permission: "sessions.send", body: presenceSchema }, ({ caller, body }) => sendPresence(caller, body));
