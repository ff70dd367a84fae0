// GET /api/groups/[sessionId]/[groupJid]/join-requests – who asked to join by invite link and waits for approval
import { withAuth } from "@/lib/api/with-auth";
import { groupParams } from "@/lib/groups/groups.schema";
import { listGroupJoinRequests } from "@/lib/groups/list-group-join-requests";

export const GET = withAuth({ permission: "groups.manage", params: groupParams }, ({ caller, params }) => listGroupJoinRequests(caller, params));
