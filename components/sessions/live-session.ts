import type { DashboardSession, SessionStatusDetails, StatusHistoryEntry } from "@/components/sessions/session-types";
import type { LiveSessionState } from "@/components/sessions/use-session-events";

/** One session as the dashboard shows it: the server's copy with whatever the socket said since. */
export interface LiveSession {
  sessionId: string;
  name: string;
  status: string;
  reason: string | null;
  since: Date | string;
  /** The raw QR string, only to notice that the code rotated. */
  qr: string | null;
  phoneNumber: string | null;
  profileName: string | null;
  lastError: string | null;
  reconnectAttempts: number;
  pairedAt: Date | string | null;
  history: StatusHistoryEntry[];
}

const time = (value: Date | string | null | undefined) => (value ? new Date(value).getTime() : 0);

/**
 * The newer of the two wins: after a router.refresh() the server's copy can be fresher than what a
 * socket that was offline last heard.
 */
export function liveSession(session: DashboardSession, details: SessionStatusDetails | undefined, live: LiveSessionState | undefined): LiveSession {
  const base: LiveSession = {
    sessionId: session.sessionId,
    name: session.name,
    status: details?.status ?? session.status,
    reason: details ? details.reason : session.statusReason,
    since: details?.since ?? session.statusChangedAt,
    qr: null,
    phoneNumber: details ? details.phoneNumber : session.phoneNumber,
    profileName: details ? details.profileName : session.profileName,
    lastError: details?.lastError ?? null,
    reconnectAttempts: details?.reconnectAttempts ?? 0,
    pairedAt: details?.pairedAt ?? null,
    history: details?.history ?? [],
  };
  if (!live?.status) return { ...base, qr: base.status === "QR" ? (live?.qr ?? null) : null };
  if (time(live.since) < time(base.since)) return base;
  const fresh = live.details;
  return {
    ...base,
    status: live.status,
    reason: live.reason ?? null,
    since: live.since ?? base.since,
    qr: live.qr ?? null,
    ...(fresh && {
      phoneNumber: fresh.phoneNumber,
      profileName: fresh.profileName,
      lastError: fresh.lastError,
      reconnectAttempts: fresh.reconnectAttempts,
      pairedAt: fresh.pairedAt,
      history: fresh.history,
    }),
  };
}

/** Stored numbers are bare digits; shown in international form. */
export function formatPhone(phone: string | null | undefined): string | null {
  return phone ? `+${phone.replace(/^\+/, "")}` : null;
}

export const isLinkable = (status: string) => status === "DISCONNECTED" || status === "LOGGED_OUT";

/** Reasons come from the server in lower case ("QR code expired without being scanned"). */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
