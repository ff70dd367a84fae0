// POST /api/whatsapp/groups/subject – Chatery: change the group's subject
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { chaterySubjectSchema } from "@/lib/groups/groups.schema";
import { updateGroupInfo } from "@/lib/groups/update-group-info";

export const POST = withChateryEnvelope({ permission: "groups.manage", body: chaterySubjectSchema }, "Group subject updated", ({ caller, body }) =>
  updateGroupInfo(caller, { sessionId: body.sessionId, groupJid: body.groupId, subject: body.subject }),
);
