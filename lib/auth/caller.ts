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
  return match ? match[1] : null;
}

const USER_FIELDS = { id: true, role: true, name: true, email: true, username: true, ownerId: true } as const;

function toCaller(user: Omit<Caller, "tenantId" | "via">, via: Caller["via"]): Caller {
  return { ...user, tenantId: user.role === "STAFF" && user.ownerId ? user.ownerId : user.id, via };
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
    return { ...toCaller(found.user, "apiKey"), key: found.key, keyExpiresAt: found.keyExpiresAt };
  }
  const token = readSessionCookie(source.headers.get("cookie"));
  if (!token) return null;
  const claims = await decodeSessionToken(token);
  if (!claims) return null;
  // Loaded on every request so that a removed user or a changed role takes effect at once.
  const user = await db().user.findUnique({ where: { id: claims.sub }, select: USER_FIELDS });
  return user ? toCaller(user, "cookie") : null;
}
