// POST /api/groups/[sessionId]/[groupJid]/description – change (or, empty, clear) the group's description
import { withAuth } from "@/lib/api/with-auth";
import { groupParams, descriptionSchema } from "@/lib/groups/groups.schema";
import { updateGroupInfo } from "@/lib/groups/update-group-info";

export const POST = withAuth({ permission: "groups.manage", params: groupParams, body: descriptionSchema }, ({ caller, params, body }) =>
  updateGroupInfo(caller, { ...params, ...body }),
);
