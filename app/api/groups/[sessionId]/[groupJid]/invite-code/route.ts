// GET /api/groups/[sessionId]/[groupJid]/invite-code – the group's invite code and link (admins only)
import { withAuth } from "@/lib/api/with-auth";
import { getGroupInviteCode } from "@/lib/groups/get-group-invite-code";
import { groupParams } from "@/lib/groups/groups.schema";

export const GET = withAuth({ permission: "groups.manage", params: groupParams }, ({ caller, params }) => getGroupInviteCode(caller, params));
