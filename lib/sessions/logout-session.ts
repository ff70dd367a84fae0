import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { getRuntime } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import { recordAudit } from "@/lib/audit/record-audit";

/** Unlinks the device on WhatsApp and wipes its credentials; the session stays, LOGGED_OUT. */
export async function logoutSession(caller: Caller, idOrSessionId: string) {
  const session = await getSessionOrThrow(caller, idOrSessionId);
  const after = await getRuntime().sessions.logout(session);
  await recordAudit({
    actor: caller,
    ownerId: session.ownerId,
    action: "session.logged_out",
    target: { type: "session", id: session.sessionId, name: session.name },
  });
  return { success: true, status: after.status };
}
