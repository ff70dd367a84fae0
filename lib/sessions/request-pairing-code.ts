import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { onHolder } from "@/lib/cluster/ask-holder";
import { getRuntime } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/**
 * Pairing without a camera: WhatsApp shows an 8-character code to type into the phone. Several
 * nodes: the code comes from the socket of the node holding the session — this one when nobody
 * holds it yet (it takes the lease), else the holder, asked through lib/cluster/ask-holder.ts.
 */
export async function requestPairingCode(caller: Caller, idOrSessionId: string, phone: string) {
  const session = await getSessionOrThrow(caller, idOrSessionId);
  const { sessions, cluster } = getRuntime();
  if (sessions.live(session).status === "CONNECTED") throw new AppError("CONFLICT", "The session is already connected");
  try {
    if (cluster) await cluster.ownerFor(session.id, { here: true });
    const { code, status } = await onHolder(session, "requestPairingCode", phone);
    return { code, phone, status };
  } catch (error) {
    throw new AppError("UNAVAILABLE", `Could not get a pairing code: ${(error as Error).message}`);
  }
}
