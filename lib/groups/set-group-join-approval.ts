import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { onHolder } from "@/lib/cluster/ask-holder";
import { callWhatsApp } from "@/lib/groups/call-whatsapp";
import { getGroupSession } from "@/lib/groups/group-session";

/** Whether joining by invite link needs an admin's approval (admins only). */
export async function setGroupJoinApproval(caller: Caller, input: { sessionId: string; groupJid: string; enabled: boolean }) {
  const { session } = await getGroupSession(caller, input.sessionId);
  await callWhatsApp("change join approval", () => onHolder(session, "groupJoinApprovalMode", input.groupJid, input.enabled ? "on" : "off"));
  return { success: true, groupJid: input.groupJid, joinApproval: input.enabled };
}
