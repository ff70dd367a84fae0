import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { onHolder } from "@/lib/cluster/ask-holder";
import { callWhatsApp } from "@/lib/groups/call-whatsapp";
import { getGroupSession } from "@/lib/groups/group-session";
import { db } from "@/lib/server/runtime";

/** The session leaves the group; the stored group is kept (for its history) and marked left. */
export async function leaveGroup(caller: Caller, input: { sessionId: string; groupJid: string }) {
  const { session, ref } = await getGroupSession(caller, input.sessionId);
  await callWhatsApp("leave the group", () => onHolder(session, "groupLeave", input.groupJid));
  await db().group.updateMany({ where: { sessionId: ref.id, ownerId: ref.ownerId, jid: input.groupJid }, data: { left: true } });
  return { success: true, groupJid: input.groupJid };
}
