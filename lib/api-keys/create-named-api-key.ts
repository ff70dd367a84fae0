import "server-only";
import type { CreateNamedApiKeyInput } from "@/lib/api-keys/api-keys.schema";
import { generateApiKey, hashApiKey } from "@/lib/api-keys/api-key-format";
import { API_KEY_SELECT, toPublicApiKey } from "@/lib/api-keys/public-api-key";
import { resolveKeySessions } from "@/lib/api-keys/resolve-key-sessions";
import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors/app-error";
import { db } from "@/lib/server/runtime";

// Enough for real integrations (one per session, a few per tool); a bound keeps a leaked cookie
// from filling the table.
const MAX_KEYS_PER_USER = 100;

/** A new named key beside the default one; the full key is in this answer only. */
export async function createNamedApiKey(caller: Caller, input: CreateNamedApiKeyInput) {
  const sessionIds = input.sessions ? await resolveKeySessions(caller, input.sessions) : [];
  const count = await db().apiKey.count({ where: { userId: caller.id } });
  if (count >= MAX_KEYS_PER_USER) throw new AppError("CONFLICT", `You have ${MAX_KEYS_PER_USER} keys already; delete one first`);
  const apiKey = generateApiKey();
  const row = await db().apiKey.create({
    data: {
      userId: caller.id,
      keyHash: hashApiKey(apiKey),
      last4: apiKey.slice(-4),
      name: input.name,
      isDefault: false,
      sessionRestricted: input.sessions !== undefined,
      sessionIds,
      scopes: input.scopes ?? [],
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    },
    select: API_KEY_SELECT,
  });
  const publicIds = await publicIdsOf(sessionIds);
  return { ...toPublicApiKey(row, publicIds), apiKey };
}

export async function publicIdsOf(ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db().whatsappSession.findMany({ where: { id: { in: ids } }, select: { id: true, sessionId: true } });
  return new Map(rows.map((r) => [r.id, r.sessionId]));
}
