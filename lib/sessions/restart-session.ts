import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { getRuntime } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import { toPublicSession } from "@/lib/sessions/public-session";

/** Closes and reopens the connection; a paired session comes back without a QR. */
export async function restartSession(caller: Caller, idOrSessionId: string) {
  const session = await getSessionOrThrow(caller, idOrSessionId);
  return toPublicSession(session, await getRuntime().sessions.restart(session), { includeQr: true });
}
