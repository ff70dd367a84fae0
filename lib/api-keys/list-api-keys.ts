import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { API_KEY_SELECT, toPublicApiKey } from "@/lib/api-keys/public-api-key";
import { db } from "@/lib/server/runtime";

/** The caller's own keys (the default one first), masked. */
export async function listApiKeys(caller: Caller) {
  const rows = await db().apiKey.findMany({
    where: { userId: caller.id },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
    select: API_KEY_SELECT,
  });
  const sessionIds = [...new Set(rows.flatMap((r) => r.sessionIds))];
  const sessions = sessionIds.length ? await db().whatsappSession.findMany({ where: { id: { in: sessionIds } }, select: { id: true, sessionId: true } }) : [];
  const publicIds = new Map(sessions.map((s) => [s.id, s.sessionId]));
  return { apiKeys: rows.map((row) => toPublicApiKey(row, publicIds)) };
}
