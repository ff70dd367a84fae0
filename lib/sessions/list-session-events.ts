import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { getRuntime } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** The session's most recent events (the dashboard's live log shows them before new ones arrive). */
export async function listSessionEvents(caller: Caller, idOrSessionId: string) {
  const session = await getSessionOrThrow(caller, idOrSessionId);
  return getRuntime()
    .events.recent(session.sessionId)
    .map(({ event, timestamp, data }) => ({ event, timestamp, data }));
}
