// Persists what Baileys reports about chats, contacts and messages, and records the matching events
// in the outbox in the same transaction. Called on the session's ordered queue, one batch of
// Baileys events at a time. WhatsApp I/O the batch causes (read receipts) runs after the commit.
import { jidNormalizedUser, isJidGroup, proto, type BaileysEventMap, type WAMessage, type WASocket } from "@whiskeysockets/baileys";
import type { Logger } from "pino";
import type { EventOutbox, PendingEvent, Tx } from "@/lib/events/event-outbox";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import type { SessionConfig } from "@/lib/sessions/sessions.schema";
import { describeMessage, isProtocolOnly } from "@/lib/whatsapp/describe-message";
import type { SessionRef } from "@/lib/whatsapp/managed-session";

export interface StoreContext {
  db: Db;
  outbox: EventOutbox;
  ref: SessionRef;
  config: SessionConfig;
  sock: WASocket;
  logger: Logger;
  /** Receipts that arrived before the message they acknowledge was stored (keyId → status). */
  earlyStatuses: Map<string, MessageStatus>;
  /** When each incoming stanza reached the socket (ms since epoch), by message id; used once. */
  arrivals?: Map<string, number>;
  saveIncomingMedia?: (session: SessionRef, msg: WAMessage, sock: WASocket) => Promise<{ mediaId: string } | null>;
  /** The client outside any transaction (afterCommit work must not use a finished `tx`). */
  rootDb?: Tx;
}

/** WhatsApp's numeric message statuses → ours. Statuses only move forward. */
const STATUS_BY_ACK: Record<number, MessageStatus> = { 0: "FAILED", 1: "PENDING", 2: "SENT", 3: "DELIVERED", 4: "READ", 5: "READ" };
const STATUS_RANK: Record<MessageStatus, number> = { PENDING: 0, SENT: 1, DELIVERED: 2, READ: 3, FAILED: -1 };

const toDate = (t: unknown): Date => {
  const n = typeof t === "number" ? t : Number((t as { toString(): string } | null | undefined)?.toString() ?? 0);
  return n > 0 ? new Date(n * 1000) : new Date();
};

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
    pushName: msg.pushName ?? null,
    type: d.type,
    text: d.content,
    quoteId: d.quoteId,
    timestamp: Number(toDate(msg.messageTimestamp).getTime() / 1000),
    message: msg.message ?? null,
  };
}

/**
 * `history`: messages from a history sync take their place in a chat by WhatsApp's timestamp;
 * everything else by when the server received it (issue 15: WhatsApp's timestamps are whole
 * seconds, so a quick answer would tie with, or sort above, the message it answers).
 */
async function saveMessages(ctx: StoreContext, messages: WAMessage[], notify: boolean, history = false) {
  const { db, ref } = ctx;
  const now = new Date();
  for (const msg of messages) {
    const keyId = msg.key.id;
    const remoteJid = msg.key.remoteJid ? jidNormalizedUser(msg.key.remoteJid) : null;
    if (!keyId || !remoteJid || !msg.message || isProtocolOnly(msg.message)) continue;
    const d = describeMessage(msg.message);
    const fromMe = Boolean(msg.key.fromMe);
    const timestamp = toDate(msg.messageTimestamp);
    const raw = new Uint8Array(proto.Message.encode(msg.message).finish());
    // The moment the stanza reached us, not the later moment it is stored: a send accepted in
    // between must not sort above a message that had already come in.
    const arrived = ctx.arrivals?.get(keyId);
    ctx.arrivals?.delete(keyId);
    const receivedAt = arrived ? new Date(arrived) : now;
    // Our own messages start as SENT; receipts (also those merged into this upsert) move them on,
    // each move announced as message.update.
    const status: MessageStatus = fromMe ? "SENT" : "DELIVERED";
    await db.message.upsert({
      where: { sessionId_keyId: { sessionId: ref.id, keyId } },
      create: {
        sessionId: ref.id,
        ownerId: ref.ownerId,
        remoteJid,
        keyId,
        fromMe,
        senderJid: msg.key.participant ?? null,
        pushName: msg.pushName ?? null,
        type: d.type,
        content: d.content,
        status,
        timestamp,
        receivedAt: history ? timestamp : receivedAt,
        quoteId: d.quoteId,
        raw,
      },
      // Our own sends are stored before they go out; here they only gain WhatsApp's view.
      update: { raw, ...(d.content !== null ? { content: d.content } : {}) },
    });
    if (d.type === "REACTION" || remoteJid === "status@broadcast") continue;
    const isGroup = Boolean(isJidGroup(remoteJid));
    await db.chat.upsert({
      where: { sessionId_jid: { sessionId: ref.id, jid: remoteJid } },
      create: { sessionId: ref.id, ownerId: ref.ownerId, jid: remoteJid, isGroup, lastMessageAt: history ? timestamp : receivedAt, unreadCount: !fromMe && notify ? 1 : 0, name: isGroup ? null : (msg.pushName ?? null) },
      update: { lastMessageAt: history ? timestamp : receivedAt, ...(!fromMe && notify ? { unreadCount: { increment: 1 } } : {}) },
    });
    if (!fromMe && msg.pushName && !isGroup) {
      await db.contact.upsert({
        where: { sessionId_jid: { sessionId: ref.id, jid: remoteJid } },
        create: { sessionId: ref.id, ownerId: ref.ownerId, jid: remoteJid, notify: msg.pushName },
        update: { notify: msg.pushName },
      });
    }
  }
}

async function updateStatus(ctx: StoreContext, keyId: string, status: MessageStatus) {
  const current = await ctx.db.message.findUnique({ where: { sessionId_keyId: { sessionId: ctx.ref.id, keyId } }, select: { status: true } });
  if (!current) {
    // Kept until the message's own upsert stores it (bounded: receipts for unknown ids are rare).
    const known = ctx.earlyStatuses.get(keyId);
    if (!known || STATUS_RANK[status] > STATUS_RANK[known]) ctx.earlyStatuses.set(keyId, status);
    if (ctx.earlyStatuses.size > 1000) ctx.earlyStatuses.delete(ctx.earlyStatuses.keys().next().value!);
    return false;
  }
  if (STATUS_RANK[status] <= STATUS_RANK[current.status]) return false;
  await ctx.db.message.updateMany({ where: { sessionId: ctx.ref.id, keyId }, data: { status } });
  return true;
}

type Db = Tx;

/** The Baileys events this module stores; a batch without any of them needs no transaction. */
const STORED = [
  "messaging-history.set",
  "chats.upsert",
  "chats.update",
  "chats.delete",
  "contacts.upsert",
  "contacts.update",
  "messages.upsert",
  "messages.update",
  "message-receipt.update",
  "messages.reaction",
  "presence.update",
  "groups.upsert",
  "groups.update",
  "group-participants.update",
  "call",
] as const;

export async function handleStoreEvents(ctx: Omit<StoreContext, "db"> & { db: import("@/lib/db/create-prisma-client").Db }, events: Partial<BaileysEventMap>): Promise<void> {
  if (!STORED.some((name) => events[name])) return;
  const afterCommit: Array<() => Promise<unknown>> = [];
  const dispatch = await ctx.db.$transaction(
    async (tx) => {
      const pending: PendingEvent[] = [];
      await storeBatch({ ...ctx, db: tx, rootDb: ctx.db }, events, pending, afterCommit);
      return ctx.outbox.record(tx, ctx.ref, pending);
    },
    // A history sync can be large; the default 5 s would abort it.
    { timeout: 120_000, maxWait: 60_000 },
  );
  dispatch();
  for (const action of afterCommit) {
    await action().catch((error: unknown) => ctx.logger.warn({ err: error, sessionId: ctx.ref.sessionId }, "follow-up WhatsApp action failed"));
  }
}

async function storeBatch(ctx: StoreContext, events: Partial<BaileysEventMap>, pending: PendingEvent[], afterCommit: Array<() => Promise<unknown>>) {
  const { db, ref } = ctx;
  const publish = (event: string, data: Record<string, unknown>) => void pending.push({ event, data });

  const history = events["messaging-history.set"];
  if (history) {
    for (const chat of history.chats) {
      if (!chat.id) continue;
      const jid = jidNormalizedUser(chat.id);
      await db.chat.upsert({
        where: { sessionId_jid: { sessionId: ref.id, jid } },
        create: { sessionId: ref.id, ownerId: ref.ownerId, jid, name: chat.name ?? null, isGroup: Boolean(isJidGroup(jid)), unreadCount: chat.unreadCount ?? 0, lastMessageAt: chat.conversationTimestamp ? toDate(chat.conversationTimestamp) : null },
        update: { name: chat.name ?? undefined, unreadCount: chat.unreadCount ?? undefined },
      });
    }
    for (const contact of history.contacts) await upsertContact(ctx, contact);
    await saveMessages(ctx, history.messages, false, true);
    publish("history.sync", { chats: history.chats.length, contacts: history.contacts.length, messages: history.messages.length });
  }

  for (const chat of events["chats.upsert"] ?? []) {
    if (!chat.id) continue;
    const jid = jidNormalizedUser(chat.id);
    await db.chat.upsert({
      where: { sessionId_jid: { sessionId: ref.id, jid } },
      create: { sessionId: ref.id, ownerId: ref.ownerId, jid, name: chat.name ?? null, isGroup: Boolean(isJidGroup(jid)), unreadCount: chat.unreadCount ?? 0 },
      update: { name: chat.name ?? undefined },
    });
    publish("chat.upsert", { jid, name: chat.name ?? null });
  }
  for (const chat of events["chats.update"] ?? []) {
    if (!chat.id) continue;
    const jid = jidNormalizedUser(chat.id);
    const data: { name?: string; unreadCount?: number; archived?: boolean } = {};
    if (chat.name) data.name = chat.name;
    // Baileys reports new unread messages as an increment, which saveMessages already counts; only
    // 0 (read on the phone) is a value to store as it is.
    if (chat.unreadCount === 0) data.unreadCount = 0;
    if (typeof chat.archived === "boolean") data.archived = chat.archived;
    if (Object.keys(data).length) await db.chat.updateMany({ where: { sessionId: ref.id, jid }, data });
    publish("chat.update", { jid, ...data });
  }
  for (const jid of events["chats.delete"] ?? []) {
    await db.chat.deleteMany({ where: { sessionId: ref.id, jid: jidNormalizedUser(jid) } });
    publish("chat.delete", { jid });
  }

  for (const contact of [...(events["contacts.upsert"] ?? []), ...(events["contacts.update"] ?? [])]) {
    if (!contact.id) continue;
    await upsertContact(ctx, { ...contact, id: contact.id });
    publish("contact.update", { jid: jidNormalizedUser(contact.id), name: contact.name ?? null, notify: contact.notify ?? null, imgUrl: contact.imgUrl ?? null });
  }

  // Everything a batch's messages cause is announced in the order the messages arrived (issue 17):
  // edits, revokes and reactions are taken from the message that carries them, in its place in
  // the upsert, rather than from the messages.update / messages.reaction events Baileys derives
  // from it (which come after every upsert of the batch). Those are used only when no message of
  // the batch carried them.
  const handled = new Set<string>();
  const upsert = events["messages.upsert"];
  if (upsert) {
    await saveMessages(ctx, upsert.messages, upsert.type === "notify");
    for (const msg of upsert.messages) {
      // Baileys merges a receipt that arrives in the same event buffer into the message itself,
      // and a receipt may also have come before this upsert.
      if (msg.key.fromMe && msg.key.id) {
        const early = ctx.earlyStatuses.get(msg.key.id);
        ctx.earlyStatuses.delete(msg.key.id);
        for (const status of [typeof msg.status === "number" ? STATUS_BY_ACK[msg.status] : undefined, early]) {
          if (status && (await updateStatus(ctx, msg.key.id, status))) {
            publish("message.update", { id: msg.key.id, messageId: msg.key.id, remoteJid: msg.key.remoteJid, fromMe: true, status });
          }
        }
      }
      const protocol = msg.message?.protocolMessage;
      const targetId = protocol?.key?.id;
      if (protocol && targetId) {
        // Baileys' own convention for the derived update: the carrier's key with the target's id.
        const target = { id: targetId, remoteJid: msg.key.remoteJid, fromMe: msg.key.fromMe };
        if (protocol.type === proto.Message.ProtocolMessage.Type.MESSAGE_EDIT && protocol.editedMessage) {
          await applyEdit(ctx, target, protocol.editedMessage, publish);
          handled.add(`edit:${targetId}`);
        } else if (protocol.type === proto.Message.ProtocolMessage.Type.REVOKE) {
          await applyRevoke(ctx, target, publish);
          handled.add(`revoke:${targetId}`);
        }
        continue;
      }
      if (!msg.message || isProtocolOnly(msg.message)) continue;
      const data = messageEventData(msg);
      if (data.type === "REACTION") {
        publish("message.reaction", { ...data, reaction: data.text, targetId: data.quoteId });
        if (data.quoteId) handled.add(`react:${data.quoteId}`);
        continue;
      }
      const isStatus = msg.key.remoteJid === "status@broadcast";
      if (!msg.key.fromMe && data.type !== "OTHER" && describeMessage(msg.message).hasMedia && ctx.config.autoSaveMedia !== false && ctx.saveIncomingMedia) {
        afterCommit.push(() => saveMediaInBackground(ctx, msg));
      }
      publish(isStatus ? "status.update" : msg.key.fromMe ? "message.sent" : "message", data);
      // readReceipts: mark what arrives as read, unless the session is in ghost mode.
      if (!msg.key.fromMe && !isStatus && upsert.type === "notify" && ctx.config.readReceipts && !ctx.config.ghostMode) {
        const key = msg.key;
        afterCommit.push(() => ctx.sock.readMessages([key]));
      }
    }
  }

  for (const { key, update } of events["messages.update"] ?? []) {
    if (!key.id) continue;
    if (typeof update.status === "number") {
      const status = STATUS_BY_ACK[update.status];
      if (status && (await updateStatus(ctx, key.id, status))) {
        publish("message.update", { id: key.id, messageId: key.id, remoteJid: key.remoteJid, fromMe: key.fromMe, status });
      }
    }
    const edited = update.message?.editedMessage?.message;
    if (edited && !handled.has(`edit:${key.id}`)) await applyEdit(ctx, { id: key.id, remoteJid: key.remoteJid, fromMe: key.fromMe }, edited, publish);
    // A revoke ("delete for everyone") arrives as an update that empties the message.
    const revoked = update.message === null || update.messageStubType === proto.WebMessageInfo.StubType.REVOKE;
    if (revoked && !handled.has(`revoke:${key.id}`)) await applyRevoke(ctx, { id: key.id, remoteJid: key.remoteJid, fromMe: key.fromMe }, publish);
  }

  for (const receipt of events["message-receipt.update"] ?? []) {
    const keyId = receipt.key.id;
    if (!keyId) continue;
    const status: MessageStatus | null = receipt.receipt.readTimestamp ? "READ" : receipt.receipt.receiptTimestamp ? "DELIVERED" : null;
    if (status && (await updateStatus(ctx, keyId, status))) {
      publish("message.update", { id: keyId, messageId: keyId, remoteJid: receipt.key.remoteJid, fromMe: receipt.key.fromMe, status, participant: receipt.receipt.userJid });
    }
  }

  for (const reaction of events["messages.reaction"] ?? []) {
    if (reaction.key.id && handled.has(`react:${reaction.key.id}`)) continue; // announced with its message
    publish("message.reaction", { targetId: reaction.key.id, remoteJid: reaction.key.remoteJid, reaction: reaction.reaction.text ?? "", from: reaction.reaction.key?.participant ?? reaction.reaction.key?.remoteJid ?? null });
  }

  const presence = events["presence.update"];
  if (presence) publish("presence.update", { jid: presence.id, presences: presence.presences });

  for (const group of events["groups.upsert"] ?? []) publish("group.upsert", { jid: group.id, subject: group.subject });
  for (const group of events["groups.update"] ?? []) publish("group.update", { ...group, jid: group.id });
  const participants = events["group-participants.update"];
  if (participants) publish("group.participants", { jid: participants.id, action: participants.action, participants: participants.participants, author: participants.author });

  for (const call of events.call ?? []) publish("call", { id: call.id, from: call.from, status: call.status, isVideo: call.isVideo ?? false, isGroup: call.isGroup ?? false });
}

type Publish = (event: string, data: Record<string, unknown>) => void;
type TargetKey = { id: string; remoteJid?: string | null; fromMe?: boolean | null };

/** An edit replaces the text (or caption) the store shows; the event says it was edited. */
async function applyEdit(ctx: StoreContext, key: TargetKey, edited: proto.IMessage, publish: Publish) {
  const d = describeMessage(edited);
  const { count } = await ctx.db.message.updateMany({ where: { sessionId: ctx.ref.id, keyId: key.id }, data: { content: d.content } });
  if (count > 0) publish("message.update", { id: key.id, messageId: key.id, remoteJid: key.remoteJid, fromMe: key.fromMe, edited: true, text: d.content });
}

/** "Delete for everyone": kept with revokedAt under antiDelete, emptied otherwise. */
async function applyRevoke(ctx: StoreContext, key: TargetKey, publish: Publish) {
  const { db, ref } = ctx;
  if (ctx.config.antiDelete) {
    await db.message.updateMany({ where: { sessionId: ref.id, keyId: key.id }, data: { revokedAt: new Date() } });
    const kept = await db.message.findUnique({ where: { sessionId_keyId: { sessionId: ref.id, keyId: key.id } }, select: { content: true, type: true } });
    publish("message.revoke", { id: key.id, messageId: key.id, remoteJid: key.remoteJid, fromMe: key.fromMe, kept: true, type: kept?.type ?? null, content: kept?.content ?? null });
  } else {
    await db.message.updateMany({ where: { sessionId: ref.id, keyId: key.id }, data: { revokedAt: new Date(), content: null, raw: null } });
    publish("message.revoke", { id: key.id, messageId: key.id, remoteJid: key.remoteJid, fromMe: key.fromMe, kept: false });
  }
}

/**
 * Downloads and keeps an incoming message's media without holding up the session's queue (a video
 * can take a while); the message's mediaUrl is set once the file is stored.
 */
function saveMediaInBackground(ctx: StoreContext, msg: WAMessage): Promise<void> {
  const { ref, rootDb } = ctx;
  void (async () => {
    const saved = await ctx.saveIncomingMedia!(ref, msg, ctx.sock);
    if (!saved || !msg.key.id || !rootDb) return;
    await rootDb.message.updateMany({
      where: { sessionId: ref.id, keyId: msg.key.id },
      data: { mediaId: saved.mediaId, mediaUrl: `/api/media/${saved.mediaId}` },
    });
  })().catch((error: unknown) => ctx.logger.warn({ err: error, sessionId: ref.sessionId, keyId: msg.key.id }, "could not save incoming media"));
  return Promise.resolve();
}

async function upsertContact(
  ctx: StoreContext,
  contact: { id: string; lid?: string | null; name?: string | null; notify?: string | null; verifiedName?: string | null; imgUrl?: string | null },
) {
  const jid = jidNormalizedUser(contact.id);
  const data = {
    ...(contact.lid ? { lid: contact.lid } : {}),
    ...(contact.name ? { name: contact.name } : {}),
    ...(contact.notify ? { notify: contact.notify } : {}),
    ...(contact.verifiedName ? { verifiedName: contact.verifiedName } : {}),
    ...(contact.imgUrl !== undefined ? { imgUrl: contact.imgUrl === "changed" ? null : contact.imgUrl } : {}),
  };
  await ctx.db.contact.upsert({
    where: { sessionId_jid: { sessionId: ctx.ref.id, jid } },
    create: { sessionId: ctx.ref.id, ownerId: ctx.ref.ownerId, jid, ...data },
    update: data,
  });
}
