// POST /api/whatsapp/groups/metadata – Chatery: one group's metadata and participants
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { chateryGroupMetadata } from "@/lib/compat/chatery/chatery-group-shapes";
import { getGroup } from "@/lib/groups/get-group";
import { chateryGroupSchema } from "@/lib/groups/groups.schema";

export const POST = withChateryEnvelope({ permission: "sessions.read", body: chateryGroupSchema }, "Group metadata retrieved", async ({ caller, body }) =>
  chateryGroupMetadata(await getGroup(caller, { sessionId: body.sessionId, groupJid: body.groupId })),
);
