// POST /api/groups/[sessionId]/[groupJid]/leave – the session leaves the group
import { withAuth } from "@/lib/api/with-auth";
import { groupParams } from "@/lib/groups/groups.schema";
import { leaveGroup } from "@/lib/groups/leave-group";

export const POST = withAuth({ permission: "groups.manage", params: groupParams }, ({ caller, params }) => leaveGroup(caller, params));
