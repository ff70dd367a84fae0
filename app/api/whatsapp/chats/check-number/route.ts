// POST /api/whatsapp/chats/check-number – seed 003: whether a phone number is on WhatsApp
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { checkNumbers } from "@/lib/messages/check-numbers";
import { seed003PhoneSchema } from "@/lib/messages/messages.schema";

export const POST = withSeed003Envelope({ permission: "sessions.send", body: seed003PhoneSchema }, "Phone number checked", async ({ caller, body }) => {
  const [result] = await checkNumbers(caller, { sessionId: body.sessionId, phones: [body.phone] }, "phone");
  return result;
});
