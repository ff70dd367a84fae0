import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { requireSandbox } from "@/lib/sandbox/require-sandbox";
import { claimSandboxPhone } from "@/lib/sandbox/sandbox-phone-owner";
import { getRuntime } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** A stable emulated number per session, so re-pairing a session lands on the same account. */
function defaultPhoneFor(sessionDbId: string): string {
  const digits = BigInt(`0x${createHash("sha256").update(sessionDbId).digest("hex").slice(0, 12)}`) % 10_000_000n;
  return `1555${digits.toString().padStart(7, "0")}`;
}

/**
 * The sandbox phone scans the session's current QR; resolves once the session is connected. The
 * phone is the session's own derived number, or one of its tenant's (a new number becomes theirs);
 * never another tenant's nor a demo contact's.
 */
export async function scanSessionQr(caller: Caller, sessionId: string, phone?: string) {
  const { emulator } = requireSandbox();
  const session = await getSessionOrThrow(caller, sessionId);
  const { sessions } = getRuntime();
  const live = sessions.live(session);
  if (live.status !== "QR" || !live.qr) throw new AppError("CONFLICT", `The session is ${live.status}, not waiting for a QR scan; connect it first`);
  const number = phone ?? defaultPhoneFor(session.id);
  await claimSandboxPhone(session.ownerId, number, Boolean(emulator.getAccount(number)), phone === undefined);
  if (!emulator.getAccount(number)) emulator.createAccount({ phone: number, name: session.name });
  await emulator.scanQr(live.qr, { phone: number });
  const deadline = Date.now() + 20_000;
  while (sessions.live(session).status !== "CONNECTED" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return { success: true, phone: number, status: sessions.live(session).status };
}
