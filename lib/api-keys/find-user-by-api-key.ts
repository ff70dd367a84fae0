import "server-only";
import { apiKeyCacheGeneration, cacheApiKey, cachedApiKey, type CachedApiKey } from "@/lib/api-keys/api-key-cache";
import { API_KEY_PREFIX, hashApiKey } from "@/lib/api-keys/api-key-format";
import { toKeyRestriction } from "@/lib/api-keys/key-scopes";
import { db } from "@/lib/server/runtime";

// Writing lastUsedAt on every request would turn every read into a write; a minute is precise enough.
const LAST_USED_GRANULARITY_MS = 60_000;

/** The key's user and restriction; null for an unknown or expired key. `address`: the caller's, recorded as last-used. */
export async function findUserByApiKey(key: string, address?: string | null) {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const keyHash = hashApiKey(key);
  let record: CachedApiKey | null = cachedApiKey(keyHash);
  if (!record) {
    const generation = apiKeyCacheGeneration();
    record = await db().apiKey.findUnique({
      where: { keyHash },
      select: {
        id: true,
        lastUsedAt: true,
        lastUsedIp: true,
        expiresAt: true,
        scopes: true,
        sessionRestricted: true,
        sessionIds: true,
        user: { select: { id: true, role: true, name: true, email: true, username: true, ownerId: true, suspendedAt: true } },
      },
    });
    if (!record) return null;
    cacheApiKey(keyHash, record, generation);
  }
  const now = new Date();
  if (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) return null;
  const addressChanged = address != null && address !== record.lastUsedIp;
  if (addressChanged || !record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    // Noted on the (possibly cached) record first: concurrent requests do not all write it.
    record.lastUsedAt = now;
    if (address != null) record.lastUsedIp = address;
    // updateMany: the key may have been revoked since we read it, which is not an error here.
    await db().apiKey.updateMany({ where: { id: record.id }, data: { lastUsedAt: now, ...(address != null ? { lastUsedIp: address } : {}) } });
  }
  return { user: record.user, key: toKeyRestriction(record), keyExpiresAt: record.expiresAt };
}
