// POST /api/groups/[sessionId]/[groupJid]/subject – change the group's subject
import { withAuth } from "@/lib/api/with-auth";
import { groupParams, subjectSchema } from "@/lib/groups/groups.schema";
import { updateGroupInfo } from "@/lib/groups/update-group-info";

export const POST = withAuth({ permission: "groups.manage", params: groupParams, body: subjectSchema }, ({ caller, params, body }) =>
  updateGroupInfo(caller, { ...params, ...body }),
);
