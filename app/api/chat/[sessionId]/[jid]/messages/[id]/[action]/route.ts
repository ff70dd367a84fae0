// POST /api/chat/[sessionId]/[jid]/messages/[id]/[action] – react to, edit, delete (for everyone) or forward one message
import { withAuth } from "@/lib/api/with-auth";
import { messageActionBody, messageActionParams } from "@/lib/messages/message-actions.schema";
import { runMessageAction } from "@/lib/messages/run-message-action";

export const POST = withAuth({ permission: "sessions.send", params: messageActionParams, body: messageActionBody }, ({ req, caller, params, body }) =>
  runMessageAction(caller, params, body, { idempotencyKey: req.headers.get("idempotency-key") }),
);
