import "server-only";
import type { UpdateApiKeyInput } from "@/lib/api-keys/api-keys.schema";
import { publicIdsOf } from "@/lib/api-keys/create-named-api-key";
import { API_KEY_SELECT, toPublicApiKey } from "@/lib/api-keys/public-api-key";
import { resolveKeySessions } from "@/lib/api-keys/resolve-key-sessions";
import type { Caller } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors/app-error";
import { notifyCallerChanged } from "@/lib/realtime/notify-caller-changed";
import { db } from "@/lib/server/runtime";

/** Renames a key or changes its scopes or expiry; another user's key is 404. */
export async function updateApiKey(caller: Caller, id: string, input: UpdateApiKeyInput) {
  const sessionIds = input.sessions ? await resolveKeySessions(caller, input.sessions) : undefined;
  const { count } = await db().apiKey.updateMany({
    where: { id, userId: caller.id },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.sessions !== undefined ? { sessionRestricted: input.sessions !== null, sessionIds: sessionIds ?? [] } : {}),
      ...(input.scopes !== undefined ? { scopes: input.scopes ?? [] } : {}),
      ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt ? new Date(input.expiresAt) : null } : {}),
    },
  });
  if (count === 0) throw notFound("API key");
  // A narrowed key narrows its open sockets at once.
  await notifyCallerChanged(caller.id);
  const row = await db().apiKey.findFirst({ where: { id, userId: caller.id }, select: API_KEY_SELECT });
  if (!row) throw notFound("API key");
  return toPublicApiKey(row, await publicIdsOf(row.sessionIds));
}
