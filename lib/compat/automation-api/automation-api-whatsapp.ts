import "server-only";
// The Automation API's single WhatsApp number is the caller's default session (their oldest, made
// on demand). Its QR comes as a URL — ours, never an outside QR service, which would see the code.
import type { Caller } from "@/lib/auth/caller";
import { connectSession } from "@/lib/sessions/connect-session";
import { getDefaultSession } from "@/lib/sessions/get-default-session";
import { getRuntime } from "@/lib/server/runtime";

const AUTOMATION_STATUS: Record<string, string> = {
  CONNECTED: "authenticated",
  QR: "qr",
  CONNECTING: "connecting",
  ZOMBIE: "connecting",
  DISCONNECTED: "disconnected",
  LOGGED_OUT: "disconnected",
};

/** GET /api/whatsapp/createqr: starts the default session and points at its QR image on this gateway. */
export async function automationCreateQr(caller: Caller, origin: string) {
  const session = await getDefaultSession(caller);
  const connected = await connectSession(caller, session.id, {});
  return {
    qrCodeUrl: connected.status === "CONNECTED" ? null : `${origin}/api/sessions/${encodeURIComponent(connected.sessionId)}/qr/image`,
    status: AUTOMATION_STATUS[connected.status] ?? connected.status.toLowerCase(),
    sessionId: connected.sessionId,
  };
}

/** GET /api/whatsapp/status: the default session's status, number and profile name. */
export async function automationStatus(caller: Caller) {
  const session = await getDefaultSession(caller);
  const live = getRuntime().sessions.live(session);
  return {
    status: AUTOMATION_STATUS[live.status] ?? live.status.toLowerCase(),
    phoneNumber: session.phoneNumber ? `+${session.phoneNumber.replace(/^\+/, "")}` : null,
    name: session.profileName,
    sessionId: session.sessionId,
  };
}
