// GET /api/whatsapp/groups – Automation API: the default session's groups as { id, name, participants }
// POST /api/whatsapp/groups – Chatery: a session's groups (count and list)
import { withAuth } from "@/lib/api/with-auth";
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { listDefaultSessionGroups } from "@/lib/compat/automation-api/list-default-session-groups";
import { chateryGroupList } from "@/lib/compat/chatery/chatery-group-shapes";
import { chaterySessionSchema } from "@/lib/groups/groups.schema";
import { listGroups } from "@/lib/groups/list-groups";

export const GET = withAuth({ permission: "sessions.read" }, async ({ caller }) => Response.json(await listDefaultSessionGroups(caller)));

export const POST = withChateryEnvelope({ permission: "sessions.read", body: chaterySessionSchema }, "Groups retrieved", async ({ caller, body }) =>
  chateryGroupList(await listGroups(caller, { sessionId: body.sessionId })),
);
