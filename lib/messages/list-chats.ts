import "server-only";
import type { Caller } from "@/lib/auth/caller";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CHAT_LINES } from "@/lib/messages/chat-line-filter";
import type { ChatListQuery } from "@/lib/messages/messages.schema";
import { db } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

type Session = { id: string; ownerId: string };

/** Ultimate WhatsApp Gateway's chat list: newest first, with name, picture, unread count and last message. */
export async function listChats(caller: Caller, sessionIdOrId: string, query: ChatListQuery) {
  const session = await getSessionOrThrow(caller, sessionIdOrId);
  const where: Prisma.ChatWhereInput = {
    sessionId: session.id,
    ownerId: session.ownerId,
    ...(query.type === "group" ? { isGroup: true } : query.type === "individual" ? { isGroup: false } : {}),
    ...(query.search ? { OR: [{ name: { contains: query.search, mode: "insensitive" } }, { jid: { contains: query.search } }] } : {}),
  };
  const chats = await db().chat.findMany({
    where,
    orderBy: [{ lastMessageAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
    take: query.limit ?? 100,
    skip: query.offset ?? 0,
  });
  return describeChats(session, chats);
}

export async function describeChats(
  session: Session,
  chats: Array<{ jid: string; name: string | null; isGroup: boolean; unreadCount: number; archived: boolean; lastMessageAt: Date | null }>,
) {
  if (chats.length === 0) return [];
  const jids = chats.map((c) => c.jid);
  const [contacts, last] = await Promise.all([
    db().contact.findMany({ where: { sessionId: session.id, ownerId: session.ownerId, jid: { in: jids } } }),
    lastMessages(session, jids),
  ]);
  const contactOf = new Map(contacts.map((c) => [c.jid, c]));
  return chats.map((chat) => {
    const contact = contactOf.get(chat.jid);
    const message = last.get(chat.jid);
    return {
      jid: chat.jid,
      name: chat.name ?? contact?.name ?? contact?.notify ?? contact?.verifiedName ?? null,
      notify: contact?.notify ?? null,
      profilePic: contact?.imgUrl ?? null,
      isGroup: chat.isGroup,
      unreadCount: chat.unreadCount,
      archived: chat.archived,
      lastMessage: message
        ? { content: message.content, timestamp: message.timestamp, type: message.type, fromMe: message.fromMe, status: message.status }
        : null,
    };
  });
}

/** The newest chat line of each chat: one indexed lookup per chat (sessionId, remoteJid, receivedAt, seq). */
async function lastMessages(session: Session, jids: string[]) {
  const rows = await Promise.all(
    jids.map((jid) =>
      db().message.findFirst({
        where: { AND: [{ sessionId: session.id, ownerId: session.ownerId, remoteJid: jid, type: { not: "REACTION" } }, CHAT_LINES] },
        orderBy: [{ receivedAt: "desc" }, { seq: "desc" }],
        select: { remoteJid: true, content: true, timestamp: true, type: true, fromMe: true, status: true },
      }),
    ),
  );
  return new Map(rows.filter((r) => r !== null).map((r) => [r.remoteJid, r]));
}
