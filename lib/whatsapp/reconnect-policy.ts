// What to do when a session's WhatsApp connection closes, decided from Baileys' status code.
// Pure, so that every branch is unit-tested; lib/whatsapp/managed-session.ts acts on it.
import { backoffMs } from "@/lib/queue/backoff";

/** Baileys' DisconnectReason values (kept here so this file has no runtime dependency). */
export const CLOSE_CODES = {
  connectionClosed: 428,
  connectionLost: 408,
  connectionReplaced: 440,
  loggedOut: 401,
  badSession: 500,
  restartRequired: 515,
  multideviceMismatch: 411,
  forbidden: 403,
  unavailableService: 503,
} as const;

export type CloseAction =
  /** Reconnect at once (WhatsApp asked for a restart, e.g. right after pairing). */
  | { kind: "reconnect-now"; reason: string }
  /** Reconnect after a backoff delay. */
  | { kind: "reconnect-later"; reason: string }
  /** The phone unlinked this device: wipe credentials. */
  | { kind: "logged-out"; reason: string }
  /** Stop without reconnecting; a person has to act. */
  | { kind: "stop"; reason: string };

export function decideOnClose(input: { code: number | undefined; message?: string; paired: boolean; wasWaitingForQr: boolean }): CloseAction {
  const { code, paired } = input;
  const detail = input.message ? `: ${input.message}` : "";
  switch (code) {
    case CLOSE_CODES.restartRequired:
      return { kind: "reconnect-now", reason: "restart required" };
    case CLOSE_CODES.loggedOut:
      return { kind: "logged-out", reason: paired ? "logged out from the phone" : "credentials rejected" };
    case CLOSE_CODES.connectionReplaced:
      // Another client took over these credentials; reconnecting would make the two fight.
      return { kind: "stop", reason: "connection replaced by another client (conflict)" };
    case CLOSE_CODES.forbidden:
      return { kind: "stop", reason: `forbidden by WhatsApp${detail}` };
    case CLOSE_CODES.multideviceMismatch:
      return { kind: "logged-out", reason: "multi-device mismatch: pair again" };
  }
  // An unpaired session whose QR codes ran out waits for a person to ask for a new one.
  if (!paired && input.wasWaitingForQr) return { kind: "stop", reason: "QR code expired without being scanned" };
  return { kind: "reconnect-later", reason: `connection closed (${code ?? "no code"})${detail}` };
}

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

/**
 * Exponential backoff with "equal jitter": half the exponential delay plus a random part, so
 * sessions dropped together (a network blip, a restart of WhatsApp's edge) do not all return at once.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  return backoffMs(attempt, { baseMs: options.initialMs, maxMs: options.maxMs, jitter: "equal" }, random);
}
