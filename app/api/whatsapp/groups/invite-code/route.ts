// POST /api/whatsapp/groups/invite-code – Chatery: the group's invite code and link
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { getGroupInviteCode } from "@/lib/groups/get-group-invite-code";
import { chateryGroupSchema } from "@/lib/groups/groups.schema";

export const POST = withChateryEnvelope({ permission: "groups.manage", body: chateryGroupSchema }, "Invite code retrieved", async ({ caller, body }) => {
  // Chatery names the group groupId.
  const { groupJid, ...code } = await getGroupInviteCode(caller, { sessionId: body.sessionId, groupJid: body.groupId });
  return { groupId: groupJid, ...code };
});
