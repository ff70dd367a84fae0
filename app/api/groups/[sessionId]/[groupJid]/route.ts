// GET /api/groups/[sessionId]/[groupJid] – one group's metadata and participants (?refresh=true asks WhatsApp first)
import { withAuth } from "@/lib/api/with-auth";
import { getGroup } from "@/lib/groups/get-group";
import { groupParams, groupQuery } from "@/lib/groups/groups.schema";

export const GET = withAuth({ permission: "sessions.read", params: groupParams, query: groupQuery }, ({ caller, params, query }) =>
  getGroup(caller, { ...params, refresh: query.refresh === "true" }),
);
