// POST /api/groups/[sessionId]/[groupJid]/invite-code/revoke – a new invite code; the old link stops working
import { withAuth } from "@/lib/api/with-auth";
import { getGroupInviteCode } from "@/lib/groups/get-group-invite-code";
import { groupParams } from "@/lib/groups/groups.schema";

export const POST = withAuth({ permission: "groups.manage", params: groupParams }, ({ caller, params }) =>
  getGroupInviteCode(caller, { ...params, revoke: true }),
);
