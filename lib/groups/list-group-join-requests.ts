import "server-only";
import { isLidUser, isPnUser, jidNormalizedUser } from "@whiskeysockets/baileys";
import type { Caller } from "@/lib/auth/caller";
import { onHolder } from "@/lib/cluster/ask-holder";
import { callWhatsApp } from "@/lib/groups/call-whatsapp";
import { getGroupSession } from "@/lib/groups/group-session";

/** Who asked to join through the invite link and waits for an admin (admins only). */
export async function listGroupJoinRequests(caller: Caller, input: { sessionId: string; groupJid: string }) {
  const { session } = await getGroupSession(caller, input.sessionId);
  const requests = await callWhatsApp("list the join requests", () => onHolder(session, "groupRequestParticipantsList", input.groupJid));
  return requests.map((attrs) => {
    const a = attrs as Record<string, string | undefined>;
    const jid = a.jid ? jidNormalizedUser(a.jid) : null;
    const phone = a.phone_number && isPnUser(a.phone_number) ? jidNormalizedUser(a.phone_number) : jid && isPnUser(jid) ? jid : null;
    const lid = jid && isLidUser(jid) ? jid : a.lid && isLidUser(a.lid) ? jidNormalizedUser(a.lid) : null;
    return {
      id: phone ?? jid,
      phone: phone ? phone.split("@")[0] : null,
      lid,
      requestMethod: a.request_method ?? null,
      requestedAt: a.request_time ? new Date(Number(a.request_time) * 1000).toISOString() : null,
    };
  });
}
