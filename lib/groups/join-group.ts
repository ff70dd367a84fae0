import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { onHolder } from "@/lib/cluster/ask-holder";
import { callWhatsApp } from "@/lib/groups/call-whatsapp";
import { getGroupSession } from "@/lib/groups/group-session";
import { storeGroup } from "@/lib/groups/handle-group-events";
import { db } from "@/lib/server/runtime";

/** Joins a group by invite code (the link's last part; the schema accepts the link too). */
export async function joinGroup(caller: Caller, input: { sessionId: string; inviteCode: string }) {
  const { session, ref } = await getGroupSession(caller, input.sessionId);
  const groupJid = await callWhatsApp("join the group", () => onHolder(session, "groupAcceptInvite", input.inviteCode));
  if (!groupJid) throw new Error("WhatsApp answered without a group");
  // Stored at once, so the group is listed before WhatsApp's notification arrives.
  const meta = await callWhatsApp("read the group", () => onHolder(session, "groupMetadata", groupJid)).catch(() => null);
  if (meta) await storeGroup(db(), ref, meta);
  return { success: true, groupJid };
}
