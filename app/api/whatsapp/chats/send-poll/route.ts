// POST /api/whatsapp/chats/send-poll – seed 003: send a poll
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { fromSeed003 } from "@/lib/messages/from-seed003";
import { seed003SendPollSchema } from "@/lib/messages/messages.schema";
import { sendSeed003Message } from "@/lib/messages/send-seed003-message";

export const POST = withSeed003Envelope({ permission: "sessions.send", body: seed003SendPollSchema }, "Message queued for sending", ({ caller, req, body }) =>
  sendSeed003Message(caller, fromSeed003.poll(body), req.headers.get("idempotency-key")),
);
