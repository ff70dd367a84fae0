// POST /api/whatsapp/chats/send-document – Chatery: send a document from a URL
import { chaterySendDocumentSchema } from "@/lib/compat/chatery/chatery.schema";
import { fromChatery } from "@/lib/compat/chatery/from-chatery";
import { sendChateryMessage } from "@/lib/compat/chatery/send-chatery-message";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";

export const POST = withChateryEnvelope(
  { permission: "sessions.send", body: chaterySendDocumentSchema },
  "Message queued for sending",
  ({ caller, req, body }) => sendChateryMessage(caller, fromChatery.document(body), req.headers.get("idempotency-key")),
);
