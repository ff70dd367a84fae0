import "server-only";
import { jidNormalizedUser } from "@whiskeysockets/baileys";
import type { Caller } from "@/lib/auth/caller";
import { onHolder } from "@/lib/cluster/ask-holder";
import { callWhatsApp } from "@/lib/groups/call-whatsapp";
import { getGroupSession } from "@/lib/groups/group-session";
import type { ParticipantAction } from "@/lib/groups/groups.schema";
import { normalizeParticipants } from "@/lib/groups/normalize-participants";

const RESULT_TEXT: Record<string, string> = {
  "200": "ok",
  "403": "not allowed (the person's privacy settings, or not an admin)",
  "404": "not on WhatsApp or not in the group",
  "408": "recently left the group; they must be invited",
  "409": "already in the group",
  "500": "WhatsApp failed",
};

/**
 * add / remove / promote / demote. WhatsApp answers per participant; each result carries its code
 * ("200" = done). The stored group changes when WhatsApp's notification of the change arrives.
 */
export async function updateGroupParticipants(
  caller: Caller,
  input: { sessionId: string; groupJid: string; action: ParticipantAction; participants: string[] },
) {
  const participants = normalizeParticipants(input.participants);
  const { session } = await getGroupSession(caller, input.sessionId);
  const results = await callWhatsApp(`${input.action} participants`, () =>
    onHolder(session, "groupParticipantsUpdate", input.groupJid, participants, input.action),
  );
  const answers = results.map((r) => {
    const status = String(r.status ?? "200");
    return { jid: r.jid ? jidNormalizedUser(r.jid) : null, status, success: status === "200", message: RESULT_TEXT[status] ?? "refused by WhatsApp" };
  });
  return { success: answers.every((a) => a.success), action: input.action, groupJid: input.groupJid, results: answers };
}
