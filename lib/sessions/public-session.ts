import type { Prisma } from "@/lib/generated/prisma/client";
import { CHATERY_STATUS, DEFAULT_SESSION_CONFIG } from "@/lib/sessions/sessions.schema";
import { qrDataUrl } from "@/lib/sessions/qr-data-url";
import type { LiveState } from "@/lib/whatsapp/managed-session";

export const SESSION_SELECT = {
  id: true,
  sessionId: true,
  name: true,
  ownerId: true,
  status: true,
  statusReason: true,
  statusChangedAt: true,
  config: true,
  metadata: true,
  phoneNumber: true,
  profileName: true,
  lastError: true,
  pairedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.WhatsappSessionSelect;

/** A session row as SESSION_SELECT loads it: derived from the select, so the two cannot drift apart. */
export type SessionRecord = Prisma.WhatsappSessionGetPayload<{ select: typeof SESSION_SELECT }>;

/**
 * Ultimate WhatsApp Gateway's session shape (`userId` is the owner) with the live status and QR (a PNG data URL)
 * from the session manager, and Chatery's fields (`state`, `isConnected`, `phoneNumber`). The QR
 * links a phone to the session, so it is included only for callers who may manage the session.
 */
export async function toPublicSession(row: SessionRecord, live?: LiveState, options: { includeQr?: boolean } = {}) {
  const status = live?.status ?? row.status;
  return {
    id: row.id,
    userId: row.ownerId,
    name: row.name,
    sessionId: row.sessionId,
    status,
    state: CHATERY_STATUS[status],
    isConnected: status === "CONNECTED",
    statusReason: live?.reason ?? row.statusReason,
    statusChangedAt: live?.since ?? row.statusChangedAt,
    qr: options.includeQr ? await qrDataUrl(live?.qr ?? null) : null,
    phoneNumber: row.phoneNumber,
    profileName: row.profileName,
    config: { ...DEFAULT_SESSION_CONFIG, ...(row.config as object) },
    metadata: row.metadata,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type PublicSession = Awaited<ReturnType<typeof toPublicSession>>;
