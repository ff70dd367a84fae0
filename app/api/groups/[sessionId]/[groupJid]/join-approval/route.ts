// POST /api/groups/[sessionId]/[groupJid]/join-approval – whether joining by invite link needs an admin's approval
import { withAuth } from "@/lib/api/with-auth";
import { groupParams, joinApprovalSchema } from "@/lib/groups/groups.schema";
import { setGroupJoinApproval } from "@/lib/groups/set-group-join-approval";

export const POST = withAuth({ permission: "groups.manage", params: groupParams, body: joinApprovalSchema }, ({ caller, params, body }) =>
  setGroupJoinApproval(caller, { ...params, enabled: body.enabled }),
);
