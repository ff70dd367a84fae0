import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { onHolder } from "@/lib/cluster/ask-holder";
import { callWhatsApp } from "@/lib/groups/call-whatsapp";
import { getGroupSession } from "@/lib/groups/group-session";
import { db } from "@/lib/server/runtime";

export const inviteLink = (code: string) => `https://chat.whatsapp.com/${code}`;

/**
 * The group's invite code (only admins may read it), or a new one when `revoke` is set (the old
 * link stops working). The code is stored with the group.
 */
export async function getGroupInviteCode(caller: Caller, input: { sessionId: string; groupJid: string; revoke?: boolean }) {
  const { session, ref } = await getGroupSession(caller, input.sessionId);
  const code = input.revoke
    ? await callWhatsApp("revoke the invite code", () => onHolder(session, "groupRevokeInvite", input.groupJid))
    : await callWhatsApp("read the invite code", () => onHolder(session, "groupInviteCode", input.groupJid));
  if (!code) throw new Error("WhatsApp answered without an invite code");
  await db().group.updateMany({ where: { sessionId: ref.id, ownerId: ref.ownerId, jid: input.groupJid }, data: { inviteCode: code } });
  return { groupJid: input.groupJid, inviteCode: code, inviteLink: inviteLink(code) };
}
