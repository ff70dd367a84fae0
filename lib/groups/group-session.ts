import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { runsHere } from "@/lib/cluster/ask-holder";
import { getConnectedSocket } from "@/lib/messages/get-connected-socket";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import type { SessionRef } from "@/lib/sessions/session-ref";

/**
 * A session the caller may see, for a group action: 503 at once when it runs here and is not
 * connected. Several nodes: a session held by another node is acted on there (onHolder in
 * lib/cluster/ask-holder.ts), which answers 503 itself when it is not connected.
 */
export async function getGroupSession(caller: Caller, sessionId: string) {
  const session = await getSessionOrThrow(caller, sessionId);
  if (runsHere(session)) getConnectedSocket(session);
  const ref: SessionRef = { id: session.id, sessionId: session.sessionId, ownerId: session.ownerId };
  return { session, ref };
}
