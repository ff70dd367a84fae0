import { DEFAULT_SESSION_CONFIG } from "@/lib/sessions/sessions.schema";

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
  createdAt: true,
  updatedAt: true,
} as const;

type SessionRow = {
  id: string;
  sessionId: string;
  name: string;
  ownerId: string;
  status: string;
  statusReason: string | null;
  statusChangedAt: Date;
  config: unknown;
  metadata: unknown;
  createdAt: Date;
  updatedAt: Date;
};

/** Seed 001's session shape (`userId` is the owner), with defaults filled into `config`. */
export function toPublicSession(row: SessionRow, live: { qr: string | null } = { qr: null }) {
  return {
    id: row.id,
    userId: row.ownerId,
    name: row.name,
    sessionId: row.sessionId,
    status: row.status,
    statusReason: row.statusReason,
    statusChangedAt: row.statusChangedAt,
    qr: live.qr,
    config: { ...DEFAULT_SESSION_CONFIG, ...(row.config as object) },
    metadata: row.metadata,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
