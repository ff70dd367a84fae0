import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { onHolder } from "@/lib/cluster/ask-holder";
import { callWhatsApp } from "@/lib/groups/call-whatsapp";
import { getGroupSession } from "@/lib/groups/group-session";
import { storeGroup } from "@/lib/groups/handle-group-events";
import { GROUP_INCLUDE, publicGroup } from "@/lib/groups/public-group";
import { db } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** One stored group; `refresh` asks WhatsApp first (and stores what it answers). */
export async function getGroup(caller: Caller, input: { sessionId: string; groupJid: string; refresh?: boolean }) {
  if (input.refresh) {
    const { session, ref } = await getGroupSession(caller, input.sessionId);
    const meta = await callWhatsApp("read the group", () => onHolder(session, "groupMetadata", input.groupJid));
    await storeGroup(db(), ref, meta);
  }
  const session = await getSessionOrThrow(caller, input.sessionId);
  return findStoredGroup(session, input.groupJid);
}

export async function findStoredGroup(session: { id: string; sessionId: string; ownerId: string }, groupJid: string) {
  const group = await db().group.findFirst({ where: { sessionId: session.id, ownerId: session.ownerId, jid: groupJid }, include: GROUP_INCLUDE });
  if (!group) throw notFound("Group");
  return publicGroup(group, session);
}
