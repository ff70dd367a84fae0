// POST /api/whatsapp/groups/description – Chatery: change the group's description
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { chateryDescriptionSchema } from "@/lib/groups/groups.schema";
import { updateGroupInfo } from "@/lib/groups/update-group-info";

export const POST = withChateryEnvelope({ permission: "groups.manage", body: chateryDescriptionSchema }, "Group description updated", ({ caller, body }) =>
  updateGroupInfo(caller, { sessionId: body.sessionId, groupJid: body.groupId, description: body.description }),
);
