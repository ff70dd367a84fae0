import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CHAT_LINES } from "@/lib/messages/chat-line-filter";
import type { ChatMessagesQuery } from "@/lib/messages/messages.schema";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";
import { PUBLIC_MESSAGE_SELECT, toPublicMessage, type PublicMessage } from "@/lib/messages/public-message";
import { db } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** Opaque to callers: the (timestamp, id) of the last message of a page. */
function encodeCursor(row: { timestamp: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.timestamp.getTime(), row.id])).toString("base64url");
}

function decodeCursor(cursor: string): { timestamp: Date; id: string } {
  try {
    const [ms, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [number, string];
    if (typeof ms === "number" && typeof id === "string") return { timestamp: new Date(ms), id };
  } catch {}
  throw new AppError("BAD_REQUEST", "cursor: not a cursor this API gave out");
}

/** A JID from a URL path may still be percent-encoded (6287…%40s.whatsapp.net). */
function decodePathJid(value: string): string {
  if (!value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A chat's messages in Ultimate WhatsApp Gateway's shape, newest first, a page at a time. */
export async function listChatMessages(
  caller: Caller,
  sessionIdOrId: string,
  chat: string,
  query: ChatMessagesQuery,
  field = "jid",
): Promise<{ jid: string; messages: PublicMessage[]; nextCursor: string | null }> {
  const session = await getSessionOrThrow(caller, sessionIdOrId);
  const jid = normalizeRecipient(decodePathJid(chat), { field });
  const limit = query.limit ?? 50;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const page: Prisma.MessageWhereInput = after
    ? { OR: [{ timestamp: { lt: after.timestamp } }, { timestamp: after.timestamp, id: { lt: after.id } }] }
    : {};
  const rows = await db().message.findMany({
    where: { AND: [{ sessionId: session.id, ownerId: session.ownerId, remoteJid: jid }, CHAT_LINES, page] },
    orderBy: [{ timestamp: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: PUBLIC_MESSAGE_SELECT,
  });
  const messages = rows.slice(0, limit);
  return { jid, messages: messages.map(toPublicMessage), nextCursor: rows.length > limit ? encodeCursor(messages[messages.length - 1]) : null };
}
