// GET /api/groups – the groups of a session (without sessionId: the caller's first connected session), from the store
import { withAuth } from "@/lib/api/with-auth";
import { listGroupsQuery } from "@/lib/groups/groups.schema";
import { listGroups } from "@/lib/groups/list-groups";

export const GET = withAuth({ permission: "sessions.read", query: listGroupsQuery }, ({ caller, query }) => listGroups(caller, query));
