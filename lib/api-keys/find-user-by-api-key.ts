import "server-only";
import { API_KEY_PREFIX, hashApiKey } from "@/lib/api-keys/api-key-format";
import { db } from "@/lib/server/runtime";

// Writing lastUsedAt on every request would turn every read into a write; a minute is precise enough.
const LAST_USED_GRANULARITY_MS = 60_000;

export async function findUserByApiKey(key: string) {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const record = await db().apiKey.findUnique({
    where: { keyHash: hashApiKey(key) },
    select: {
      id: true,
      lastUsedAt: true,
      user: { select: { id: true, role: true, name: true, email: true, username: true, ownerId: true, suspendedAt: true } },
    },
  });
  if (!record) return null;
  const now = new Date();
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db().apiKey.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  }
  return record.user;
}
