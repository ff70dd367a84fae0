import "server-only";
import { jidNormalizedUser } from "@whiskeysockets/baileys";
import type { Caller } from "@/lib/auth/caller";
import { onHolder } from "@/lib/cluster/ask-holder";
import { callWhatsApp } from "@/lib/groups/call-whatsapp";
import { getGroupSession } from "@/lib/groups/group-session";
import { normalizeParticipants } from "@/lib/groups/normalize-participants";

/** Approves (they join) or rejects join requests; a result per person with WhatsApp's code. */
export async function answerGroupJoinRequests(
  caller: Caller,
  input: { sessionId: string; groupJid: string; action: "approve" | "reject"; participants: string[] },
) {
  const participants = normalizeParticipants(input.participants);
  const { session } = await getGroupSession(caller, input.sessionId);
  const results = await callWhatsApp(`${input.action} join requests`, () =>
    onHolder(session, "groupRequestParticipantsUpdate", input.groupJid, participants, input.action),
  );
  const answers = results.map((r) => ({ jid: r.jid ? jidNormalizedUser(r.jid) : null, status: String(r.status), success: String(r.status) === "200" }));
  return { success: answers.every((a) => a.success), action: input.action, groupJid: input.groupJid, results: answers };
}
