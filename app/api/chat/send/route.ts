// POST /api/chat/send – send a message (or a batch of up to 100) through one of the caller's sessions
import { withAuth } from "@/lib/api/with-auth";
import { sendBodySchema, sendQuerySchema } from "@/lib/messages/messages.schema";
import { sendMessages } from "@/lib/messages/send-messages";

export const POST = withAuth({ permission: "sessions.send", body: sendBodySchema, query: sendQuerySchema }, ({ caller, req, body, query }) =>
  sendMessages(caller, body, { idempotencyKey: req.headers.get("idempotency-key"), wait: query.wait }),
);
