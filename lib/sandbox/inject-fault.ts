import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { requireSandbox } from "@/lib/sandbox/require-sandbox";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import type { FaultKind } from "@/lib/wa-emulator/emulator";

/** Makes the emulated network misbehave towards one session, to watch it heal. */
export async function injectFault(caller: Caller, sessionId: string, kind: FaultKind) {
  const { emulator } = requireSandbox();
  const session = await getSessionOrThrow(caller, sessionId);
  if (!session.phoneNumber) throw new AppError("CONFLICT", "The session has never been paired");
  const hit = emulator.fault(session.phoneNumber, kind);
  if (hit === 0) throw new AppError("CONFLICT", "The session is not connected to the sandbox");
  return { success: true, kind, connections: hit };
}
