import { maskApiKey } from "@/lib/api-keys/api-key-format";

export const API_KEY_SELECT = {
  id: true,
  name: true,
  isDefault: true,
  last4: true,
  scopes: true,
  sessionRestricted: true,
  sessionIds: true,
  expiresAt: true,
  lastUsedAt: true,
  lastUsedIp: true,
  createdAt: true,
} as const;

interface Row {
  id: string;
  name: string;
  isDefault: boolean;
  last4: string;
  scopes: string[];
  sessionRestricted: boolean;
  sessionIds: string[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  createdAt: Date;
}

/** A key as the API shows it: masked, sessions by their public sessionId. */
export function toPublicApiKey(row: Row, publicIds: Map<string, string>) {
  return {
    id: row.id,
    name: row.name,
    isDefault: row.isDefault,
    apiKey: maskApiKey(row.last4),
    scopes: row.scopes.length ? row.scopes : null,
    sessions: row.sessionRestricted ? row.sessionIds.map((id) => publicIds.get(id)).filter((id): id is string => !!id) : null,
    expiresAt: row.expiresAt,
    expired: row.expiresAt ? row.expiresAt.getTime() <= Date.now() : false,
    lastUsedAt: row.lastUsedAt,
    lastUsedIp: row.lastUsedIp,
    createdAt: row.createdAt,
  };
}
