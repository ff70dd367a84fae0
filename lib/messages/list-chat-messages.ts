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

/**
 * A chat's order (issue 15): when the server received (or sent) each message, ties broken by the
 * store's sequence — not WhatsApp's timestamp, which is whole seconds for what others send.
 */
const CHAT_ORDER = [{ receivedAt: "desc" }, { seq: "desc" }] as const satisfies Prisma.MessageOrderByWithRelationInput[];

/** Opaque to callers: the (receivedAt, seq) of the last message of a page. */
function encodeCursor(row: { receivedAt: Date; seq: bigint }): string {
  return Buffer.from(JSON.stringify([row.receivedAt.getTime(), row.seq.toString()])).toString("base64url");
}

function decodeCursor(cursor: string): { receivedAt: Date; seq: bigint } {
  try {
    const [ms, seq] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [number, string];
    if (typeof ms === "number" && typeof seq === "string" && /^\d{1,19}$/.test(seq)) return { receivedAt: new Date(ms), seq: BigInt(seq) };
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
    ? { OR: [{ receivedAt: { lt: after.receivedAt } }, { receivedAt: after.receivedAt, seq: { lt: after.seq } }] }
    : {};
  const rows = await db().message.findMany({
    where: { AND: [{ sessionId: session.id, ownerId: session.ownerId, remoteJid: jid }, CHAT_LINES, page] },
    orderBy: CHAT_ORDER,
    take: limit + 1,
    select: { ...PUBLIC_MESSAGE_SELECT, receivedAt: true, seq: true },
  });
  const messages = rows.slice(0, limit);
  return { jid, messages: messages.map(toPublicMessage), nextCursor: rows.length > limit ? encodeCursor(messages[messages.length - 1]) : null };
}
