// Turns a Baileys message into the fields of our store (Ultimate WhatsApp Gateway's message shape). Pure.
import type { proto } from "@whiskeysockets/baileys";
import type { MessageType } from "@/lib/generated/prisma/enums";

/** The stored message types are the database's own enum, so the two cannot disagree. */
export type StoredMessageType = MessageType;

export interface MessageDescription {
  type: StoredMessageType;
  content: string | null;
  quoteId: string | null;
  /** The media part of the message, when it has one (for download). */
  hasMedia: boolean;
}

/** Wrappers WhatsApp puts around the real content (view-once, ephemeral, edited, …). */
export function unwrapMessage(message: proto.IMessage | null | undefined): proto.IMessage | null {
  let m = message ?? null;
  for (let i = 0; m && i < 5; i++) {
    const inner =
      m.ephemeralMessage?.message ??
      m.viewOnceMessage?.message ??
      m.viewOnceMessageV2?.message ??
      m.viewOnceMessageV2Extension?.message ??
      m.documentWithCaptionMessage?.message ??
      m.editedMessage?.message;
    if (!inner) break;
    m = inner;
  }
  return m;
}

export function describeMessage(message: proto.IMessage | null | undefined): MessageDescription {
  const m = unwrapMessage(message);
  const none: MessageDescription = { type: "OTHER", content: null, quoteId: null, hasMedia: false };
  if (!m) return none;
  const context =
    m.extendedTextMessage?.contextInfo ??
    m.imageMessage?.contextInfo ??
    m.videoMessage?.contextInfo ??
    m.audioMessage?.contextInfo ??
    m.documentMessage?.contextInfo ??
    m.stickerMessage?.contextInfo ??
    m.locationMessage?.contextInfo ??
    m.contactMessage?.contextInfo;
  const quoteId = context?.stanzaId ?? null;
  const d = (type: StoredMessageType, content: string | null | undefined, hasMedia = false): MessageDescription => ({
    type,
    content: content ?? null,
    quoteId,
    hasMedia,
  });
  if (m.conversation != null) return d("TEXT", m.conversation);
  if (m.extendedTextMessage) return d("TEXT", m.extendedTextMessage.text);
  if (m.imageMessage) return d("IMAGE", m.imageMessage.caption, true);
  if (m.videoMessage) return d("VIDEO", m.videoMessage.caption, true);
  if (m.audioMessage) return d("AUDIO", null, true);
  if (m.documentMessage) return d("DOCUMENT", m.documentMessage.caption ?? m.documentMessage.fileName, true);
  if (m.stickerMessage) return d("STICKER", null, true);
  if (m.locationMessage) {
    const l = m.locationMessage;
    return d("LOCATION", [l.name, `${l.degreesLatitude},${l.degreesLongitude}`].filter(Boolean).join(" "));
  }
  if (m.liveLocationMessage) return d("LOCATION", `${m.liveLocationMessage.degreesLatitude},${m.liveLocationMessage.degreesLongitude}`);
  if (m.contactMessage) return d("CONTACT", m.contactMessage.displayName);
  if (m.contactsArrayMessage) return d("CONTACT", m.contactsArrayMessage.displayName);
  const poll = m.pollCreationMessage ?? m.pollCreationMessageV2 ?? m.pollCreationMessageV3;
  if (poll) return d("POLL", poll.name);
  if (m.reactionMessage) return { type: "REACTION", content: m.reactionMessage.text ?? "", quoteId: m.reactionMessage.key?.id ?? null, hasMedia: false };
  return none;
}

/** Protocol messages (revokes, edits, history notices, key shares) are events, not chat lines. */
export function isProtocolOnly(message: proto.IMessage | null | undefined): boolean {
  const m = message ?? {};
  return Boolean(m.protocolMessage || (m.senderKeyDistributionMessage && Object.keys(m).length === 1) || (m.messageContextInfo && Object.keys(m).length === 1));
}
