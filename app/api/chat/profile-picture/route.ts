// POST /api/chat/profile-picture – a contact's or group's profile picture URL (null when none)
import { withAuth } from "@/lib/api/with-auth";
import { getProfilePicture } from "@/lib/messages/get-profile-picture";
import { profilePictureSchema } from "@/lib/messages/messages.schema";

export const POST = withAuth({ permission: "sessions.send", body: profilePictureSchema }, async ({ caller, body }) => {
  const { url } = await getProfilePicture(caller, body);
  return { url };
});
