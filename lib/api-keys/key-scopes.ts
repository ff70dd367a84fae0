// What a scoped API key may do. A key's scopes only ever narrow its user's role: the effective
// permission is the role's AND the key's (lib/auth/caller-can.ts), checked at every request, so a
// role that loses a permission takes it from every key at once.
import type { Permission } from "@/lib/auth/permissions";

export const KEY_SCOPES = ["read", "send", "sessions", "webhooks"] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

export const KEY_SCOPE_PERMISSIONS: Record<KeyScope, readonly Permission[]> = {
  read: ["profile.read", "sessions.read"], // read only
  send: ["profile.read", "sessions.send"], // send only (and read the chats it sends to)
  sessions: ["profile.read", "sessions.read", "sessions.create", "sessions.manage"], // manage sessions
  webhooks: ["profile.read", "sessions.read", "webhooks.manage"], // manage webhooks
};

/** Restrictions of the key a request came with; absent for cookies and unrestricted keys. */
export interface KeyRestriction {
  keyId: string;
  /** null: every scope the role allows. */
  scopes: KeyScope[] | null;
  /** null: every session the caller reaches; otherwise WhatsappSession ids (may be empty). */
  sessionIds: string[] | null;
}

// Permissions a restricted key never has, whatever its scopes: otherwise a key limited to one
// session could mint itself an unrestricted key or manage the users it was kept away from.
const NEVER_FOR_RESTRICTED_KEYS: readonly Permission[] = ["apiKey.manage", "users.read", "users.write"];

export function keyAllows(restriction: KeyRestriction | null | undefined, permission: Permission): boolean {
  if (!restriction) return true;
  const restricted = restriction.scopes !== null || restriction.sessionIds !== null;
  if (restricted && NEVER_FOR_RESTRICTED_KEYS.includes(permission)) return false;
  // A key bound to sessions cannot create others (they would fall outside its own reach anyway).
  if (restriction.sessionIds !== null && permission === "sessions.create") return false;
  if (restriction.scopes === null) return true;
  return restriction.scopes.some((scope) => KEY_SCOPE_PERMISSIONS[scope].includes(permission));
}

export function toKeyRestriction(record: { id: string; scopes: string[]; sessionRestricted: boolean; sessionIds: string[] }): KeyRestriction | null {
  const scopes = record.scopes.filter((s): s is KeyScope => (KEY_SCOPES as readonly string[]).includes(s));
  // A stored scope we no longer know must not widen the key: treat an all-unknown list as "nothing".
  const scopeList = record.scopes.length === 0 ? null : scopes;
  const sessionIds = record.sessionRestricted ? record.sessionIds : null;
  if (scopeList === null && sessionIds === null) return null;
  return { keyId: record.id, scopes: scopeList, sessionIds };
}
