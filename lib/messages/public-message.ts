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
}

/**
 * Ultimate WhatsApp Gateway's message shape, plus the LIDs beside the phone-number JIDs, why a send FAILED and when a message was deleted for everyone.
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
  };
}

export type PublicMessage = ReturnType<typeof toPublicMessage>;
