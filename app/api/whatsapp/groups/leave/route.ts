// POST /api/whatsapp/groups/leave – Chatery: the session leaves the group
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { chateryGroupSchema } from "@/lib/groups/groups.schema";
import { leaveGroup } from "@/lib/groups/leave-group";

export const POST = withChateryEnvelope({ permission: "groups.manage", body: chateryGroupSchema }, "Left the group", ({ caller, body }) =>
  leaveGroup(caller, { sessionId: body.sessionId, groupJid: body.groupId }),
);
