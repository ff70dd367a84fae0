// POST /api/whatsapp/groups/picture – Chatery: set the group's picture from imageUrl (fetched SSRF-guarded)
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { chateryPictureSchema } from "@/lib/groups/groups.schema";
import { updateGroupPicture } from "@/lib/groups/update-group-picture";

export const POST = withChateryEnvelope({ permission: "groups.manage", body: chateryPictureSchema }, "Group picture updated", ({ caller, body }) =>
  updateGroupPicture(caller, { sessionId: body.sessionId, groupJid: body.groupId, url: body.imageUrl }),
);
