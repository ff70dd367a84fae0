import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { getLiveState } from "@/lib/sessions/get-live-state";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import { CHATERY_STATUS } from "@/lib/sessions/sessions.schema";

/** Status, phone number, profile name, since when, last error, and the recent status history. */
export async function getSessionStatus(caller: Caller, idOrSessionId: string) {
  const session = await getSessionOrThrow(caller, idOrSessionId);
  const live = await getLiveState(session);
  const history = await db().sessionStatusEvent.findMany({
    where: { sessionId: session.id },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { status: true, reason: true, createdAt: true },
  });
  return {
    sessionId: session.sessionId,
    status: live.status,
    state: CHATERY_STATUS[live.status],
    isConnected: live.status === "CONNECTED",
    phoneNumber: session.phoneNumber,
    profileName: session.profileName,
    since: live.since,
    reason: live.reason,
    lastError: session.lastError,
    reconnectAttempts: live.reconnectAttempts,
    pairedAt: session.pairedAt,
    history,
  };
}
