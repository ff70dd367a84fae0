// POST /api/whatsapp/chats/check-number – Chatery: whether a phone number is on WhatsApp
import { chateryPhoneSchema } from "@/lib/compat/chatery/chatery.schema";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { checkNumbers } from "@/lib/messages/check-numbers";

export const POST = withChateryEnvelope({ permission: "sessions.send", body: chateryPhoneSchema }, "Phone number checked", async ({ caller, body }) => {
  const [result] = await checkNumbers(caller, { sessionId: body.sessionId, phones: [body.phone] }, "phone");
  return result;
});
