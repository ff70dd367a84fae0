import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { getConnectedSocket } from "@/lib/messages/get-connected-socket";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import type { SessionRef } from "@/lib/sessions/session-ref";

/** A session the caller may see, with its live socket (503 when it is not connected). */
export async function getGroupSession(caller: Caller, sessionId: string) {
  const session = await getSessionOrThrow(caller, sessionId);
  const sock = getConnectedSocket(session);
  const ref: SessionRef = { id: session.id, sessionId: session.sessionId, ownerId: session.ownerId };
  return { session, sock, ref };
}
