// POST /api/whatsapp/groups/revoke-invite – Chatery: a new invite code; the old link stops working
import { withChateryEnvelope } from "@/lib/compat/chatery/with-chatery-envelope";
import { getGroupInviteCode } from "@/lib/groups/get-group-invite-code";
import { chateryGroupSchema } from "@/lib/groups/groups.schema";

export const POST = withChateryEnvelope({ permission: "groups.manage", body: chateryGroupSchema }, "Invite code revoked", async ({ caller, body }) => {
  // Chatery names the group groupId.
  const { groupJid, ...code } = await getGroupInviteCode(caller, { sessionId: body.sessionId, groupJid: body.groupId, revoke: true });
  return { groupId: groupJid, ...code };
});
