import type { MessageStatus, MessageType } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

export const PUBLIC_MESSAGE_SELECT = {
  id: true,
  sessionId: true,
  remoteJid: true,
  senderJid: true,
  remoteLid: true,
  senderLid: true,
  fromMe: true,
  keyId: true,
  pushName: true,
  type: true,
  content: true,
  mediaUrl: true,
  mediaId: true,
  status: true,
  timestamp: true,
  quoteId: true,
  failureReason: true,
  revokedAt: true,
  sentById: true,
  sentByName: true,
  sentVia: true,
} as const satisfies Prisma.MessageSelect;

interface MessageRow {
  id: string;
  sessionId: string;
  remoteJid: string;
  senderJid: string | null;
  remoteLid: string | null;
  senderLid: string | null;
  fromMe: boolean;
  keyId: string;
  pushName: string | null;
  type: MessageType;
  content: string | null;
  mediaUrl: string | null;
  mediaId: string | null;
  status: MessageStatus;
  timestamp: Date;
  quoteId: string | null;
  failureReason: string | null;
  revokedAt: Date | null;
  sentById: string | null;
  sentByName: string | null;
  sentVia: string | null;
}

/** How a message's author sent it: signed in to the dashboard, with an API key, by a campaign, or by
 * their automation (an auto-reply, a schedule's firing, a webhook's reply). */
export const MESSAGE_AUTHOR_VIA = ["dashboard", "api", "campaign", "automation"] as const;
export type MessageAuthorVia = (typeof MESSAGE_AUTHOR_VIA)[number];

/** Who sent one of our own messages through the gateway; null for what came from WhatsApp or the phone. */
export interface MessageAuthor {
  id: string;
  name: string;
  via: MessageAuthorVia;
}

function authorOf(row: MessageRow): MessageAuthor | null {
  if (!row.fromMe || !row.sentById) return null;
  const via = (MESSAGE_AUTHOR_VIA as readonly string[]).includes(row.sentVia ?? "") ? (row.sentVia as MessageAuthorVia) : "api";
  return { id: row.sentById, name: row.sentByName ?? "", via };
}

/**
 * Ultimate WhatsApp Gateway's message shape, plus the LIDs beside the phone-number JIDs, why a send
 * FAILED, when a message was deleted for everyone, and who sent our own sends (`sentBy`).
 * Media we hold (uploaded for a send, or saved when it came in) is served by GET /api/media/[id].
 */
export function toPublicMessage(row: MessageRow) {
  return {
    id: row.id,
    sessionId: row.sessionId,
    remoteJid: row.remoteJid,
    senderJid: row.senderJid,
    // Issue 11: the phone-number JIDs above whenever they are known, the LIDs WhatsApp uses beside them.
    remoteLid: row.remoteLid,
    senderLid: row.senderLid,
    fromMe: row.fromMe,
    keyId: row.keyId,
    pushName: row.pushName,
    type: row.type,
    content: row.content,
    mediaUrl: row.mediaUrl ?? (row.mediaId ? `/api/media/${row.mediaId}` : null),
    status: row.status,
    timestamp: row.timestamp,
    quoteId: row.quoteId,
    failureReason: row.status === "FAILED" ? row.failureReason : null,
    revokedAt: row.revokedAt,
    sentBy: authorOf(row),
  };
}

export type PublicMessage = ReturnType<typeof toPublicMessage>;
