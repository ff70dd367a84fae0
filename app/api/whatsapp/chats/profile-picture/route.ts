// POST /api/whatsapp/chats/profile-picture – Chatery: a number's profile picture URL (null when none)
import { chateryPhoneSchema } from "@/lib/compat/chatery/chatery.schema";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { getProfilePicture } from "@/lib/messages/get-profile-picture";

export const POST = withChateryEnvelope({ permission: "sessions.send", body: chateryPhoneSchema }, "Profile picture retrieved", async ({ caller, body }) => {
  const { jid, url } = await getProfilePicture(caller, { sessionId: body.sessionId, jid: body.phone }, "phone");
  return { phone: body.phone, jid, url };
});
