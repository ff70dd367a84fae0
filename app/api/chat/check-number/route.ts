// POST /api/chat/check-number – which of the given phone numbers are on WhatsApp
import { withAuth } from "@/lib/api/with-auth";
import { checkNumbers } from "@/lib/messages/check-numbers";
import { checkNumberSchema } from "@/lib/messages/messages.schema";

export const POST = withAuth({ permission: "sessions.send", body: checkNumberSchema }, ({ caller, body }) => checkNumbers(caller, body));
