import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { findUserByApiKey } from "@/lib/api-keys/find-user-by-api-key";
import type { KeyRestriction } from "@/lib/api-keys/key-scopes";
import { decodeSessionToken, readSessionCookie } from "@/lib/auth/session-cookie";
import { clientIp } from "@/lib/server/client-ip";
import { db } from "@/lib/server/runtime";

export interface Caller {
  id: string;
  role: "SUPERADMIN" | "OWNER" | "STAFF";
  name: string;
  email: string;
  username: string;
  /** For STAFF, the owner they work for. */
  ownerId: string | null;
  /** The tenant the caller acts in: their own id, or their owner's for STAFF. */
  tenantId: string;
  via: "apiKey" | "cookie";
  /** The scopes of the API key the request came with, which narrow the role (lib/auth/caller-can.ts, scope.ts). */
  key?: KeyRestriction | null;
  /** When that key expires, so a socket opened with it can be ended then. */
  keyExpiresAt?: Date | null;
  /** The cookie's own id (via cookie only), which a logout revokes. */
  cookieId?: string | null;
}

interface CredentialSource {
  headers: { get(name: string): string | null };
  /** Socket.io passes the key in its handshake `auth` rather than in a header. */
  apiKey?: string | null;
  /** The caller's address, recorded as the key's last-used address. */
  address?: string | null;
}

function apiKeyFrom(source: CredentialSource): string | null {
  if (source.apiKey) return source.apiKey;
  const header = source.headers.get("x-api-key");
  if (header) return header.trim();
  const authorization = source.headers.get("authorization");
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (match) return match[1];
  // The Campaign API's clients send their "master key" this way; here it is simply an API key (of
  // an owner or superadmin: creating sessions needs sessions.create like everywhere else).
  return source.headers.get("x-master-key")?.trim() || null;
}

const USER_FIELDS = { id: true, role: true, name: true, email: true, username: true, ownerId: true, sessionVersion: true, suspendedAt: true } as const;

function toCaller(user: Omit<Caller, "tenantId" | "via">, via: Caller["via"]): Caller {
  return {
    id: user.id,
    role: user.role,
    name: user.name,
    email: user.email,
    username: user.username,
    ownerId: user.ownerId,
    tenantId: user.role === "STAFF" && user.ownerId ? user.ownerId : user.id,
    via,
  };
}

/**
 * Who is calling: an API key (X-API-Key or Bearer) wins over the cookie, and a key that is given
 * but wrong is an error rather than a silent fall-back to the cookie. Null when neither is present.
 */
export async function resolveCaller(source: CredentialSource): Promise<Caller | null> {
  const key = apiKeyFrom(source);
  if (key) {
    const found = await findUserByApiKey(key, source.address ?? clientIp(source.headers));
    if (!found) throw new AppError("UNAUTHORIZED", "Invalid API key");
    if (found.user.suspendedAt) throw new AppError("UNAUTHORIZED", "This account is suspended");
    return { ...toCaller(found.user, "apiKey"), key: found.key, keyExpiresAt: found.keyExpiresAt };
  }
  const token = readSessionCookie(source.headers.get("cookie"));
  if (!token) return null;
  const claims = await decodeSessionToken(token);
  if (!claims) return null;
  // Loaded on every request so that a removed user or a changed role takes effect at once, and a
  // cookie of an older session version (logged out, signed out everywhere, password or role
  // changed) or of a suspended user is simply not a session any more.
  const [user, revoked] = await Promise.all([
    db().user.findUnique({ where: { id: claims.sub }, select: USER_FIELDS }),
    claims.sid ? db().revokedSessionCookie.findUnique({ where: { id: claims.sid }, select: { id: true } }) : null,
  ]);
  if (!user || revoked || user.suspendedAt || user.sessionVersion !== claims.ver) return null;
  return { ...toCaller(user, "cookie"), cookieId: claims.sid };
}
