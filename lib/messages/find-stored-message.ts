import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { db } from "@/lib/server/runtime";
import type { StoredKey } from "@/lib/messages/stored-send";

/**
 * A message of this session's store by its WhatsApp id, with the key Baileys needs to quote, react
 * to, edit or delete it. 404 naming the field when the session does not know it.
 */
export async function findStoredMessage(session: { id: string; ownerId: string }, keyId: string, field: string) {
  const row = await db().message.findFirst({
    where: { sessionId: session.id, ownerId: session.ownerId, keyId },
    select: { keyId: true, remoteJid: true, fromMe: true, senderJid: true, type: true, status: true, revokedAt: true },
  });
  if (!row) throw new AppError("NOT_FOUND", `${field}: message '${keyId}' not found in this session`);
  const key: StoredKey = { remoteJid: row.remoteJid, id: row.keyId, fromMe: row.fromMe, ...(row.senderJid ? { participant: row.senderJid } : {}) };
  return { ...row, key };
}
