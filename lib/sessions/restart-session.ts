import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { getRuntime } from "@/lib/server/runtime";
import { getLiveState } from "@/lib/sessions/get-live-state";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import { toPublicSession } from "@/lib/sessions/public-session";

/** Closes and reopens the connection; a paired session comes back without a QR. */
export async function restartSession(caller: Caller, idOrSessionId: string) {
  const session = await getSessionOrThrow(caller, idOrSessionId);
  // Several nodes: restarted on another node, its QR code (if it needs one) comes from there.
  return toPublicSession(session, await getLiveState(session, await getRuntime().sessions.restart(session)), { includeQr: true });
}
