import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { onHolder } from "@/lib/cluster/ask-holder";
import type { PresenceInput } from "@/lib/messages/messages.schema";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** Typing, recording or paused in a chat; available or unavailable for the account. */
export async function sendPresence(caller: Caller, input: PresenceInput, field = "jid") {
  const session = await getSessionOrThrow(caller, input.sessionId);
  const jid = normalizeRecipient(input.jid, { field });
  // Several nodes: sent by the node holding the session.
  const account = input.presence === "available" || input.presence === "unavailable";
  await onHolder(session, "sendPresenceUpdate", input.presence, account ? null : jid);
  return { success: true, jid, presence: input.presence };
}
