// What a message is announced as (message, message.sent, message.reaction, status.update) and the
// data the event carries, built from Baileys' WAMessage or, for one of our sends, from its stored
// row. One place, so that the store's echo, a receipt and the send worker all say the same.
import type { WAMessage } from "@whiskeysockets/baileys";
import { toDate } from "@/lib/store/store-context";
import { describeMessage } from "@/lib/whatsapp/describe-message";

export function messageEventData(msg: WAMessage) {
  const d = describeMessage(msg.message);
  return {
    id: msg.key.id,
    messageId: msg.key.id,
    remoteJid: msg.key.remoteJid,
    // Baileys sets participant to "" in one-to-one chats, so || rather than ??.
    from: msg.key.fromMe ? null : msg.key.participant || msg.key.remoteJid || null,
    fromMe: Boolean(msg.key.fromMe),
    participant: msg.key.participant || null,
    // The LID beside the phone-number JID, when WhatsApp addressed the chat or sender by LID.
    remoteJidAlt: msg.key.remoteJidAlt || null,
    participantAlt: msg.key.participantAlt || null,
    pushName: msg.pushName ?? null,
    type: d.type,
    text: d.content,
    quoteId: d.quoteId,
    timestamp: Number(toDate(msg.messageTimestamp).getTime() / 1000),
    message: msg.message ?? null,
  };
}

/**
 * What a stored (non-protocol) message is announced as: a reaction, a status, our own send or a
 * received message. Also the worker's and a receipt's announcement of a send they took out of
 * PENDING with the message sendMessage returned (lib/messages/send-queue.ts, lib/store/store-receipts.ts).
 */
export function upsertEvent(msg: WAMessage, campaignId?: string) {
  return announcement({ ...messageEventData(msg), ...(campaignId ? { campaignId } : {}) });
}

function announcement<D extends ReturnType<typeof messageEventData> | ReturnType<typeof storedSendData>>(data: D) {
  if (data.type === "REACTION") return { event: "message.reaction" as const, data: { ...data, reaction: data.text, targetId: data.quoteId } };
  const event = data.remoteJid === "status@broadcast" ? "status.update" : data.fromMe ? "message.sent" : "message";
  return { event: event as "status.update" | "message.sent" | "message", data };
}

/** What is stored of one of our sends (its row), for its announcement when no WAMessage of it is at hand. */
export interface StoredSendRow {
  keyId: string;
  remoteJid: string;
  remoteLid: string | null;
  type: string;
  content: string | null;
  quoteId: string | null;
  /** The send time, stored in UTC without a zone (as Prisma stores every time): a Date, or its text in JSON. */
  timestamp: Date | string;
}

/**
 * The message.sent (or status.update, message.reaction) of a send taken out of PENDING where
 * no WAMessage of it is at hand: a receipt or a claim after a crash proved that it went out from a
 * process that died before announcing it. WhatsApp's view of it (`message`) was only ever there.
 */
export function storedSendEvent(row: StoredSendRow, campaignId?: string) {
  return announcement({ ...storedSendData(row), ...(campaignId ? { campaignId } : {}) });
}

function storedSendData(row: StoredSendRow) {
  const time = typeof row.timestamp === "string" ? Date.parse(row.timestamp.endsWith("Z") ? row.timestamp : `${row.timestamp}Z`) : row.timestamp.getTime();
  return {
    id: row.keyId,
    messageId: row.keyId,
    remoteJid: row.remoteJid,
    from: null,
    fromMe: true,
    participant: null,
    remoteJidAlt: row.remoteLid,
    participantAlt: null,
    pushName: null,
    type: row.type,
    text: row.content,
    quoteId: row.quoteId,
    timestamp: Math.floor(time / 1000),
    message: null,
  };
}

/**
 * Whether a queued send is announced when it goes out: edits and deletes change a message that was
 * announced already (message.update), everything else is a message of its own.
 */
export function sendIsAnnounced(payload: unknown): boolean {
  const op = (payload as { op?: unknown } | null)?.op;
  return op !== "edit" && op !== "delete";
}
