import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { logger } from "@/lib/logger";
import { getConnectedSocket } from "@/lib/messages/get-connected-socket";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** The full-size profile picture URL of a contact or group; null when there is none or it is private. */
export async function getProfilePicture(caller: Caller, input: { sessionId: string; jid: string }, field = "jid") {
  const session = await getSessionOrThrow(caller, input.sessionId);
  const jid = normalizeRecipient(input.jid, { field });
  const sock = getConnectedSocket(session);
  // WhatsApp answers "item-not-found" (no picture) or "not-authorized" (privacy) as errors.
  const url = await sock.profilePictureUrl(jid, "image").catch((error: unknown) => {
    logger.debug({ err: error, jid }, "no profile picture");
    return undefined;
  });
  return { jid, url: url ?? null };
}
