import "server-only";
// The message a queued send quotes, rebuilt from the store for Baileys: its proto when kept, else
// its text. Read when the send goes out (not when accepted), so an edit in between is quoted.
import { proto, type WAMessage } from "@whiskeysockets/baileys";
import type { Db } from "@/lib/db/create-prisma-client";
import type { SessionRef } from "@/lib/sessions/session-ref";

export async function loadQuotedMessage(db: Db, ref: SessionRef, keyId: string): Promise<WAMessage | undefined> {
  const row = await db.message.findFirst({
    where: { sessionId: ref.id, ownerId: ref.ownerId, keyId },
    select: { remoteJid: true, keyId: true, fromMe: true, senderJid: true, raw: true, content: true, pushName: true, timestamp: true },
  });
  if (!row) return undefined; // gone since it was accepted: send without the quote
  return {
    key: { remoteJid: row.remoteJid, id: row.keyId, fromMe: row.fromMe, ...(row.senderJid ? { participant: row.senderJid } : {}) },
    message: row.raw ? proto.Message.decode(row.raw) : { conversation: row.content ?? "" },
    messageTimestamp: Math.floor(row.timestamp.getTime() / 1000),
    ...(row.pushName ? { pushName: row.pushName } : {}),
  };
}
