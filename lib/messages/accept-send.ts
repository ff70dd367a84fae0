import "server-only";
import { generateMessageIDV2, isJidGroup } from "@whiskeysockets/baileys";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import type { MessageType } from "@/lib/generated/prisma/enums";
import { assertMaySendToGroup } from "@/lib/groups/assert-may-send-to-group";
import { resolveMediaForSend } from "@/lib/media/resolve-media-for-send";
import { findSendByIdempotencyKey } from "@/lib/messages/find-send-by-idempotency-key";
import { findStoredMessage } from "@/lib/messages/find-stored-message";
import type { SendContent, SendInput } from "@/lib/messages/messages.schema";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";
import type { MessageAuthorVia } from "@/lib/messages/public-message";
import { contactVcard, type StoredKey, type StoredSend } from "@/lib/messages/stored-send";
import { isSessionConnectedAnywhere } from "@/lib/messages/get-connected-socket";
import { resolveFutureTime } from "@/lib/schedules/resolve-caller-time";
import type { EnqueueOptions, SendResult, Session } from "@/lib/messages/enqueue-send";

// The checks and preparation of a send, without storing it (issue 10): enqueueSend stores one, a
// batch (lib/messages/send-messages.ts) stores all of its accepted sends with one statement.

interface Prepared {
  payload: StoredSend;
  type: MessageType;
  content: string | null;
  quoteId: string | null;
  mediaId: string | null;
}

/** What the queue's row of an accepted send holds (lib/messages/store-accepted-sends.ts writes it). */
export interface AcceptedSendRow {
  sessionId: string;
  ownerId: string;
  remoteJid: string;
  keyId: string;
  type: MessageType;
  content: string | null;
  quoteId: string | null;
  mediaId: string | null;
  sentById: string;
  sentByName: string;
  sentVia: MessageAuthorVia;
  payload: StoredSend;
  idempotencyKey: string | null;
  acceptedAt: Date;
  sendAfter: Date;
}

/** A send that passed every check: its row to store and the answer once stored. */
export interface AcceptedSend {
  session: Session;
  row: AcceptedSendRow;
  result: SendResult;
}

/**
 * Every check of a send, without storing it: the answer of an earlier request with the same
 * Idempotency-Key, or the row to store. `earlier` looks that request up (a batch looks up all of
 * its keys at once); by default one query.
 */
export async function acceptSend(
  caller: Caller,
  session: Session,
  input: SendInput,
  options: EnqueueOptions & { earlier?: (session: Session, idempotencyKey: string) => Promise<SendResult | null> },
): Promise<AcceptedSend | { result: SendResult }> {
  const idempotencyKey = options.idempotencyKey?.trim() || null;
  if (idempotencyKey) {
    const earlier = await (options.earlier ?? findSendByIdempotencyKey)(session, idempotencyKey);
    if (earlier) return { result: earlier };
  }
  const jid = normalizeRecipient(input.jid);
  // Groups (issue 11): refused now, with the reason, when WhatsApp would drop it.
  if (isJidGroup(jid)) await assertMaySendToGroup(session, jid);
  if (input.wait === false && !(await isSessionConnectedAnywhere(session))) {
    throw new AppError("UNAVAILABLE", `Session ${session.sessionId} is not connected`);
  }
  // Issue 12 (scheduled sends): a send that waits is a queued send due at its time.
  // A campaign's sendAfter is only its pacing between recipients, not a schedule: a campaign that
  // was interrupted by a downtime continues rather than failing its late sends.
  const scheduledFor = options.campaignId
    ? null
    : (options.sendAfter ?? (input.scheduledTime ? await resolveFutureTime(caller, input.scheduledTime, "scheduledTime") : null));
  const dueAt = scheduledFor ?? options.sendAfter ?? null;
  const prepared = await prepare(caller, session, jid, input);
  if (scheduledFor) prepared.payload.scheduledAt = scheduledFor.toISOString();
  if (options.campaignId) prepared.payload.campaignId = options.campaignId;
  const me = session.phoneNumber ? `${session.phoneNumber}@s.whatsapp.net` : undefined;
  const keyId = generateMessageIDV2(me);
  const author = authorOf(caller, options);
  const now = new Date();
  return {
    session,
    row: {
      sessionId: session.id,
      ownerId: session.ownerId,
      remoteJid: jid,
      keyId,
      type: prepared.type,
      content: prepared.content,
      quoteId: prepared.quoteId,
      mediaId: prepared.mediaId,
      // Who sent it (issue 15): the dashboard shows it on the bubble, so a team sees who answered.
      ...author,
      payload: prepared.payload,
      idempotencyKey,
      acceptedAt: now,
      // Due at once (or at its scheduled time); the worker adds pacing and shows the typing before it sends.
      sendAfter: dueAt && dueAt > now ? dueAt : now,
    },
    result: { success: true, messageId: keyId, status: "PENDING", ...(scheduledFor ? { scheduledFor: scheduledFor.toISOString() } : {}) },
  };
}

function authorOf(caller: Caller, options: EnqueueOptions): { sentById: string; sentByName: string; sentVia: MessageAuthorVia } {
  const via = options.via ?? (options.campaignId ? "campaign" : caller.via === "cookie" ? "dashboard" : "api");
  // A campaign's runner acts as the owner, with the owner's name (lib/campaigns/owner-caller.ts).
  return { sentById: caller.id, sentByName: caller.name || caller.username, sentVia: via };
}

/** The target of an edit, delete or reaction must be in the chat it is sent to. */
function assertSameChat(key: StoredKey, jid: string, field: string) {
  if (key.remoteJid !== jid) throw new AppError("BAD_REQUEST", `${field}: message '${key.id}' belongs to ${key.remoteJid}, not to ${jid}`);
}

async function prepare(caller: Caller, session: Session, jid: string, input: SendInput): Promise<Prepared> {
  const message = input.message;
  const base = { v: 1 as const, ...(input.typingTime ? { typingTime: input.typingTime } : {}) };
  let replyTo: string | undefined;
  if (input.replyTo) replyTo = (await findStoredMessage(session, input.replyTo, "replyTo")).keyId;
  const send = (content: Record<string, unknown>, type: MessageType, text: string | null, extra: Partial<StoredSend> = {}): Prepared => ({
    payload: { ...base, op: "send", content, ...(replyTo ? { replyTo } : {}), ...extra },
    type,
    content: text,
    quoteId: replyTo ?? null,
    mediaId: null,
  });

  switch (message.kind) {
    case "text":
      return send({ text: message.text }, "TEXT", message.text);
    case "media":
      return prepareMedia(caller, message, send);
    case "location": {
      const l = message.location;
      return send({ location: l }, "LOCATION", [l.name, `${l.degreesLatitude},${l.degreesLongitude}`].filter(Boolean).join(" "));
    }
    case "contacts": {
      // WhatsApp shows each card's own displayName (a single card is sent as a contactMessage).
      const contacts = message.contacts.map((c, i) => ({
        vcard: c.vcard,
        displayName: c.displayName ?? (i === 0 && message.contacts.length === 1 ? message.displayName : undefined) ?? vcardName(c.vcard) ?? "Contact",
      }));
      const displayName = message.displayName ?? (contacts.length === 1 ? contacts[0].displayName : `${contacts.length} contacts`);
      return send({ contacts: { displayName, contacts } }, "CONTACT", displayName);
    }
    case "contact": {
      const digits = normalizeRecipient(message.phone, { field: "message.contact.phone" }).split("@")[0];
      const vcard = contactVcard(message.name, digits);
      return send({ contacts: { displayName: message.name, contacts: [{ displayName: message.name, vcard }] } }, "CONTACT", message.name);
    }
    case "poll":
      return send({ poll: { name: message.name, values: message.values, selectableCount: message.selectableCount ?? 1 } }, "POLL", message.name);
    case "react": {
      const key = await reactionTarget(session, jid, message.key);
      return {
        payload: { ...base, op: "react", content: { react: { text: message.text, key } } },
        type: "REACTION",
        content: message.text,
        quoteId: key.id,
        mediaId: null,
      };
    }
    case "edit": {
      const target = await findStoredMessage(session, message.targetId, "message.edit");
      assertSameChat(target.key, jid, "message.edit");
      if (!target.fromMe)
        throw new AppError("BAD_REQUEST", `message.edit: message '${message.targetId}' was not sent by this session; only your own messages can be edited`);
      if (target.revokedAt) throw new AppError("BAD_REQUEST", `message.edit: message '${message.targetId}' was deleted`);
      // Hidden in chat listings (type OTHER from the queue): WhatsApp shows it as the target's new text.
      return {
        payload: { ...base, op: "edit", content: { text: message.text, edit: target.key }, target: target.key },
        type: "OTHER",
        content: message.text,
        quoteId: target.keyId,
        mediaId: null,
      };
    }
    case "delete": {
      const target = await findStoredMessage(session, message.targetId, "message.delete");
      assertSameChat(target.key, jid, "message.delete");
      // Others' messages can only be deleted for everyone in a group, by an admin (WhatsApp checks that).
      if (!target.fromMe && !isJidGroup(jid)) {
        throw new AppError(
          "BAD_REQUEST",
          `message.delete: message '${message.targetId}' was not sent by this session; only your own messages (or, as a group admin, others' in a group) can be deleted for everyone`,
        );
      }
      return {
        payload: { ...base, op: "delete", content: { delete: target.key }, target: target.key },
        type: "OTHER",
        content: null,
        quoteId: target.keyId,
        mediaId: null,
      };
    }
  }
}

async function prepareMedia(
  caller: Caller,
  message: Extract<SendContent, { kind: "media" }>,
  send: (content: Record<string, unknown>, type: MessageType, text: string | null, extra?: Partial<StoredSend>) => Prepared,
): Promise<Prepared> {
  const { mediaType } = message;
  const media = await resolveMediaForSend(caller, message.ref, mediaType);
  const mimetype = message.mimetype ?? (mediaType === "sticker" ? "image/webp" : media.mimetype);
  const content: Record<string, unknown> = { [mediaType]: { mediaId: media.mediaId }, mimetype };
  if (message.caption !== undefined) content.caption = message.caption;
  let fileName: string | null = null;
  if (mediaType === "document") content.fileName = fileName = message.fileName ?? media.fileName ?? "file";
  if (mediaType === "audio" && message.ptt !== undefined) content.ptt = message.ptt;
  const type = mediaType.toUpperCase() as MessageType;
  const presence = mediaType === "audio" && message.ptt ? "recording" : "composing";
  const prepared = send(content, type, message.caption ?? fileName, { mediaField: mediaType, presence });
  return { ...prepared, mediaId: media.mediaId };
}

/** A reaction's target: an id from the store, or a key the caller gave (completed from the store). */
async function reactionTarget(session: Session, jid: string, key: Extract<SendContent, { kind: "react" }>["key"]): Promise<StoredKey> {
  if (typeof key === "string") {
    const target = await findStoredMessage(session, key, "message.react.key");
    assertSameChat(target.key, jid, "message.react.key");
    return target.key;
  }
  const stored = await findStoredMessage(session, key.id, "message.react.key").catch(() => null);
  const remoteJid = key.remoteJid ? normalizeRecipient(key.remoteJid, { field: "message.react.key.remoteJid" }) : (stored?.remoteJid ?? jid);
  const resolved: StoredKey = {
    remoteJid,
    id: key.id,
    fromMe: key.fromMe ?? stored?.fromMe ?? false,
    ...((key.participant ?? stored?.senderJid) ? { participant: key.participant ?? stored!.senderJid! } : {}),
  };
  assertSameChat(resolved, jid, "message.react.key");
  return resolved;
}

function vcardName(vcard: string): string | null {
  return vcard.match(/^FN[^:]*:(.*)$/im)?.[1]?.trim() || null;
}
