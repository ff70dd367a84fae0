import "server-only";
import { isJidGroup } from "@whiskeysockets/baileys";
import type { Caller } from "@/lib/auth/caller";
import { onHolder, runsHere } from "@/lib/cluster/ask-holder";
import { getConnectedSocket } from "@/lib/messages/get-connected-socket";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";
import { db, getRuntime } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** Messages marked per request at most (the newest); a chat with more unread is marked again. */
const MAX_MARKED = 1000;

/**
 * Sends read receipts for the chat's incoming messages that are not read yet (as the store knows
 * them) and resets its unread count. Works for personal and group chats.
 */
export async function markChatRead(caller: Caller, input: { sessionId: string; jid: string }, field = "jid") {
  const session = await getSessionOrThrow(caller, input.sessionId);
  const jid = normalizeRecipient(input.jid, { field });
  // 503 at once when it runs here unconnected; several nodes: the holder sends the receipts.
  if (runsHere(session)) getConnectedSocket(session);
  const scope = { sessionId: session.id, ownerId: session.ownerId };
  const unread = await db().message.findMany({
    where: { ...scope, remoteJid: jid, fromMe: false, status: { not: "READ" }, revokedAt: null, type: { not: "REACTION" } },
    orderBy: [{ receivedAt: "desc" }, { seq: "desc" }],
    take: MAX_MARKED,
    select: { id: true, keyId: true, senderJid: true },
  });
  // WhatsApp I/O first, outside any transaction; the store follows what WhatsApp was told.
  if (unread.length)
    await onHolder(
      session,
      "readMessages",
      unread.map((m) => ({ remoteJid: jid, id: m.keyId, fromMe: false, ...(m.senderJid ? { participant: m.senderJid } : {}) })),
    );
  const { outbox } = getRuntime();
  const dispatch = await db().$transaction(async (tx) => {
    if (unread.length) await tx.message.updateMany({ where: { ...scope, id: { in: unread.map((m) => m.id) } }, data: { status: "READ" } });
    const chat = await tx.chat.updateMany({ where: { ...scope, jid }, data: { unreadCount: 0 } });
    return outbox.record(tx, session, chat.count ? [{ event: "chat.update", data: { jid, unreadCount: 0 } }] : []);
  });
  dispatch();
  return { jid, chatId: jid, isGroup: Boolean(isJidGroup(jid)), markedCount: unread.length };
}
