import "server-only";
import { generateMessageIDV2, isJidGroup } from "@whiskeysockets/baileys";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import type { MessageStatus, MessageType } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertMaySendToGroup } from "@/lib/groups/assert-may-send-to-group";
import { resolveMediaForSend } from "@/lib/media/resolve-media-for-send";
import { findStoredMessage } from "@/lib/messages/find-stored-message";
import type { SendContent, SendInput } from "@/lib/messages/messages.schema";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";
import type { MessageAuthorVia } from "@/lib/messages/public-message";
import { contactVcard, type StoredKey, type StoredSend } from "@/lib/messages/stored-send";
import { isSessionConnectedAnywhere } from "@/lib/messages/get-connected-socket";
import { resolveFutureTime } from "@/lib/schedules/resolve-caller-time";
import { db, getRuntime } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

export interface SendResult {
  success: boolean;
  /** WhatsApp's message id (Message.keyId), fixed when the send is accepted. */
  messageId: string;
  status: MessageStatus;
  error?: string;
  /** A scheduled send's time (issue 12). */
  scheduledFor?: string;
}

type Session = Awaited<ReturnType<typeof getSessionOrThrow>>;

interface Prepared {
  payload: StoredSend;
  type: MessageType;
  content: string | null;
  quoteId: string | null;
  mediaId: string | null;
}

/**
 * Accepts a send: checks access, resolves the recipient, media and referenced messages, fixes the
 * WhatsApp message id and stores the message as PENDING. The send worker (lib/messages/send-worker.ts)
 * delivers it; re-sending with the same id after a crash is what makes WhatsApp drop a duplicate.
 */
export interface EnqueueOptions {
  idempotencyKey?: string | null;
  /** Send no earlier than this (a scheduled send's time, a campaign's delay between recipients); default: at once. */
  sendAfter?: Date;
  /** The campaign this send belongs to: carried in the payload and in its message events. */
  campaignId?: string;
  /** How the author sent it, when not plain from the caller (background work acting for a user). */
  via?: MessageAuthorVia;
}

export async function enqueueSend(caller: Caller, input: SendInput, options: EnqueueOptions): Promise<SendResult> {
  const session = await getSessionOrThrow(caller, input.sessionId);
  const idempotencyKey = options.idempotencyKey?.trim() || null;
  if (idempotencyKey) {
    const earlier = await findByIdempotencyKey(session, idempotencyKey);
    if (earlier) return earlier;
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
  const author = await authorOf(caller, options);
  const now = new Date();
  try {
    await db().message.create({
      data: {
        sessionId: session.id,
        ownerId: session.ownerId,
        remoteJid: jid,
        keyId,
        fromMe: true,
        senderJid: null,
        type: prepared.type,
        content: prepared.content,
        status: "PENDING",
        timestamp: now,
        quoteId: prepared.quoteId,
        mediaId: prepared.mediaId,
        // Who sent it (issue 15): the dashboard shows it on the bubble, so a team sees who answered.
        ...author,
        payload: prepared.payload as unknown as Prisma.InputJsonObject,
        idempotencyKey,
        // Due at once (or at its scheduled time); the worker adds pacing and shows the typing before it sends.
        sendAfter: dueAt && dueAt > now ? dueAt : now,
      },
    });
  } catch (error) {
    // Two requests with the same key at once: the loser answers with the winner's message.
    if (idempotencyKey && (error as { code?: string })?.code === "P2002") {
      const earlier = await findByIdempotencyKey(session, idempotencyKey);
      if (earlier) return earlier;
    }
    throw error;
  }
  getRuntime()
    .workers.find((w) => w.name === "send-queue")
    ?.wake(session.id);
  return { success: true, messageId: keyId, status: "PENDING", ...(scheduledFor ? { scheduledFor: scheduledFor.toISOString() } : {}) };
}

async function authorOf(caller: Caller, options: EnqueueOptions): Promise<{ sentById: string; sentByName: string; sentVia: MessageAuthorVia }> {
  const via = options.via ?? (options.campaignId ? "campaign" : caller.via === "cookie" ? "dashboard" : "api");
  // A campaign acts through a caller made from the owner's id alone (lib/campaigns/owner-caller.ts):
  // its name is the owner's, read here.
  const name = options.campaignId
    ? ((await db().user.findUnique({ where: { id: caller.id }, select: { name: true } }))?.name ?? caller.name)
    : caller.name || caller.username;
  return { sentById: caller.id, sentByName: name, sentVia: via };
}

async function findByIdempotencyKey(session: Session, idempotencyKey: string): Promise<SendResult | null> {
  const earlier = await db().message.findFirst({
    where: { ownerId: session.ownerId, idempotencyKey },
    select: { sessionId: true, keyId: true, status: true, failureReason: true },
  });
  if (!earlier) return null;
  if (earlier.sessionId !== session.id)
    throw new AppError("CONFLICT", `Idempotency-Key '${idempotencyKey}' was already used for a send through another session`);
  return {
    success: earlier.status !== "FAILED",
    messageId: earlier.keyId,
    status: earlier.status,
    ...(earlier.failureReason && earlier.status === "FAILED" ? { error: earlier.failureReason } : {}),
  };
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
