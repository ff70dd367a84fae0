// POST /api/whatsapp/groups/subject – Chatery: change the group's subject
import { withSeed003Envelope } from "@/lib/api/with-seed003-envelope";
import { chaterySubjectSchema } from "@/lib/groups/groups.schema";
import { updateGroupInfo } from "@/lib/groups/update-group-info";

export const POST = withSeed003Envelope({ permission: "groups.manage", body: chaterySubjectSchema }, "Group subject updated", ({ caller, body }) =>
  updateGroupInfo(caller, { sessionId: body.sessionId, groupJid: body.groupId, subject: body.subject }),
);
