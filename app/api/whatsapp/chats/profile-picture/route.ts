// POST /api/whatsapp/chats/profile-picture – seed 003: a number's profile picture URL (null when none)
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { getProfilePicture } from "@/lib/messages/get-profile-picture";
import { seed003PhoneSchema } from "@/lib/messages/messages.schema";

export const POST = withSeed003Envelope({ permission: "sessions.send", body: seed003PhoneSchema }, "Profile picture retrieved", async ({ caller, body }) => {
  const { jid, url } = await getProfilePicture(caller, { sessionId: body.sessionId, jid: body.phone }, "phone");
  return { phone: body.phone, jid, url };
});
