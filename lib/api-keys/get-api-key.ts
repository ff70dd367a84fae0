import "server-only";
import { maskApiKey } from "@/lib/api-keys/api-key-format";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";

/** The caller's key, masked: the full key exists only in the answer that created it. */
export async function getApiKey(caller: Caller) {
  const key = await db().apiKey.findFirst({
    where: { userId: caller.id, isDefault: true },
    orderBy: { createdAt: "desc" },
    select: { last4: true, createdAt: true, lastUsedAt: true },
  });
  return key ? { apiKey: maskApiKey(key.last4), createdAt: key.createdAt, lastUsedAt: key.lastUsedAt } : { apiKey: null };
}
