import "server-only";
import { isJidGroup } from "@whiskeysockets/baileys";
import { notFound } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { describeChats } from "@/lib/messages/list-chats";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";
import { db } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** One chat (Chatery's chat info): the chat-list entry plus its message count. */
export async function getChatInfo(caller: Caller, input: { sessionId: string; jid: string }, field = "jid") {
  const session = await getSessionOrThrow(caller, input.sessionId);
  const jid = normalizeRecipient(input.jid, { field });
  const scope = { sessionId: session.id, ownerId: session.ownerId, jid };
  const [chat, contact] = await Promise.all([db().chat.findFirst({ where: scope }), db().contact.findFirst({ where: scope })]);
  if (!chat && !contact) throw notFound("Chat");
  const [entry] = await describeChats(session, [
    chat ?? { jid, name: null, isGroup: Boolean(isJidGroup(jid)), unreadCount: 0, archived: false, lastMessageAt: null },
  ]);
  const messageCount = await db().message.count({ where: { sessionId: session.id, ownerId: session.ownerId, remoteJid: jid } });
  return { ...entry, lastMessageAt: chat?.lastMessageAt ?? null, messageCount };
}
