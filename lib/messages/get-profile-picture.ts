import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { onHolder } from "@/lib/cluster/ask-holder";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** The full-size profile picture URL of a contact or group; null when there is none or it is private. */
export async function getProfilePicture(caller: Caller, input: { sessionId: string; jid: string }, field = "jid") {
  const session = await getSessionOrThrow(caller, input.sessionId);
  const jid = normalizeRecipient(input.jid, { field });
  // No picture, or a private one: null. Several nodes: asked of the node that holds the session.
  const url = await onHolder(session, "profilePictureUrl", jid);
  return { jid, url };
}
