// POST /api/whatsapp/groups/leave – Chatery: the session leaves the group
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { chateryGroupSchema } from "@/lib/groups/groups.schema";
import { leaveGroup } from "@/lib/groups/leave-group";

export const POST = withSeed003Envelope({ permission: "groups.manage", body: chateryGroupSchema }, "Left the group", ({ caller, body }) =>
  leaveGroup(caller, { sessionId: body.sessionId, groupJid: body.groupId }),
);
