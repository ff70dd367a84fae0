import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { getRuntime } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** Pairing without a camera: WhatsApp shows an 8-character code to type into the phone. */
export async function requestPairingCode(caller: Caller, idOrSessionId: string, phone: string) {
  const session = await getSessionOrThrow(caller, idOrSessionId);
  const { sessions } = getRuntime();
  if (sessions.live(session).status === "CONNECTED") throw new AppError("CONFLICT", "The session is already connected");
  try {
    const code = await sessions.requestPairingCode(session, phone);
    return { code, phone, status: sessions.live(session).status };
  } catch (error) {
    throw new AppError("UNAVAILABLE", `Could not get a pairing code: ${(error as Error).message}`);
  }
}
