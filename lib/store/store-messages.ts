// Messages: stored as WhatsApp delivers them, with their chat, and announced in the order they
// arrived (issue 17) — an edit, a revoke or a reaction in its place among the messages of a batch.
import { isJidGroup, isLidUser, isPnUser, jidNormalizedUser, proto, type BaileysEventMap, type WAMessage } from "@whiskeysockets/baileys";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { rememberPushName } from "@/lib/store/store-chats-contacts";
import {
  NOW_SQL,
  rankSql,
  STATUS_BY_ACK,
  STATUS_RANK,
  toDate,
  utc,
  type AfterCommit,
  type Publish,
  type StatusMove,
  type StoreContext,
} from "@/lib/store/store-context";
import { upsertEvent } from "@/lib/store/message-announcement";
import { applyOwnUpsertStatus } from "@/lib/store/store-receipts";
import { describeMessage, isProtocolOnly } from "@/lib/whatsapp/describe-message";
import { newRowId } from "@/lib/db/new-row-id";

/**
 * Stores messages with their chats (and the sender's push name). `history`: messages from a
 * history sync take their place in a chat by WhatsApp's timestamp; everything else by when the
 * server received it (issue 15: WhatsApp's timestamps are whole seconds, so a quick answer would
 * tie with, or sort above, the message it answers).
 * Returns the campaign of each of our own sends among them (issue 13: their message.sent names it),
 * and `quiet`: our own messages whose message.sent is not this write's to record. A send is
 * announced by the one write that takes it out of PENDING, in that write's transaction — this
 * echo, the worker's markSendsSent or a receipt (lib/messages/sends-awaiting-echo.ts) — so an
 * echo that finds it already moved, or still PENDING without this process waiting for it, is quiet.
 */
export async function saveMessages(
  ctx: StoreContext,
  messages: WAMessage[],
  notify: boolean,
  history = false,
): Promise<{ campaignOf: Map<string, string>; quiet: Set<string>; statusMoves: Map<string, StatusMove> }> {
  const now = new Date();
  const campaignOf = new Map<string, string>();
  const quiet = new Set<string>();
  const statusMoves = new Map<string, StatusMove>();
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
    const receivedAt = history ? timestamp : arrived ? new Date(arrived) : now;
    // Our own messages start as SENT; receipts (also those merged into this upsert) move them on,
    // each move announced as message.update.
    const status: MessageStatus = fromMe ? "SENT" : "DELIVERED";
    const remoteLid = isJidGroup(remoteJid) ? NO_LID : lidBeside(ctx, remoteJid, msg.key.remoteJidAlt);
    const senderLid = msg.key.participant ? lidBeside(ctx, jidNormalizedUser(msg.key.participant), msg.key.participantAlt) : NO_LID;
    // Our own send's echo, while the send worker waits for it (issue 10): SENT is written here,
    // in the same statement, rather than in a transaction of the worker's own.
    const own = fromMe && !history ? ctx.sendsAwaitingEcho?.take(keyId) : undefined;
    // Its chat, in the same statement (issue 10): moved to the message's time, one more unread for
    // an incoming notification. Not for reactions and status posts, which are not in a chat.
    const isGroup = Boolean(isJidGroup(remoteJid));
    const chat: ChatTouch | null =
      d.type === "REACTION" || remoteJid === "status@broadcast"
        ? null
        : { jid: remoteJid, isGroup, unread: !fromMe && notify, name: isGroup ? null : (msg.pushName ?? null) };
    // A receipt Baileys merged into the echo (its status beyond SENT) is written by the echo's
    // statement too (issue 10): it was a statement of its own for nearly every send.
    const merged = own && typeof msg.status === "number" ? STATUS_BY_ACK[msg.status] : undefined;
    const receipt = merged && STATUS_RANK[merged] > STATUS_RANK.SENT ? merged : null;
    const echoed = own
      ? await saveOwnSendEcho(ctx, keyId, { raw, content: d.content, remoteLid, senderLid }, own.claimed.sentAt ?? now.getTime(), chat, receipt)
      : null;
    if (own) ctx.echoedSends?.push({ ...own, moved: echoed?.moved ?? false, remoteJid: echoed?.remoteJid ?? remoteJid });
    if (echoed && receipt) statusMoves.set(keyId, echoed.receiptMoved ? { status: receipt } : false);
    const upserted = echoed
      ? null
      : await upsertMessage(
          ctx,
          {
            remoteJid,
            keyId,
            fromMe,
            senderJid: msg.key.participant ?? null,
            pushName: msg.pushName ?? null,
            remoteLid,
            senderLid,
            type: d.type,
            content: d.content,
            status,
            timestamp,
            receivedAt,
            quoteId: d.quoteId,
            raw,
          },
          chat,
        );
    const stored = echoed ?? upserted!;
    if (fromMe && !(echoed?.moved || upserted?.inserted)) quiet.add(keyId);
    const campaignId = fromMe ? (stored.payload as { campaignId?: unknown } | null)?.campaignId : undefined;
    if (typeof campaignId === "string") campaignOf.set(keyId, campaignId);
    if (!chat) continue;
    if (!fromMe && msg.pushName && !isGroup) await rememberPushName(ctx, remoteJid, msg.pushName);
  }
  return { campaignOf, quiet, statusMoves };
}

/**
 * A message as WhatsApp delivered it: created, or — our own sends are stored before they go out —
 * given WhatsApp's view (raw, content, and the LIDs WhatsApp addressed it with when the send went
 * out by phone number). One raw statement (issue 10): Prisma's upsert went through its query
 * compiler for every incoming message. Returns the send's payload (null for incoming messages) and
 * whether the message is new (our own: sent from the phone or another device, not queued here).
 */
async function upsertMessage(
  ctx: StoreContext,
  m: {
    remoteJid: string;
    keyId: string;
    fromMe: boolean;
    senderJid: string | null;
    pushName: string | null;
    /** SQL for the LIDs (lidBeside). */
    remoteLid: Prisma.Sql;
    senderLid: Prisma.Sql;
    type: string;
    content: string | null;
    status: MessageStatus;
    timestamp: Date;
    receivedAt: Date;
    quoteId: string | null;
    raw: Uint8Array;
  },
  chat: ChatTouch | null,
): Promise<{ payload: unknown; inserted: boolean }> {
  const rows = await ctx.db.$queryRaw<Array<{ payload: unknown; inserted: boolean }>>`
    WITH stored AS (
    INSERT INTO messages (id, "sessionId", "ownerId", "remoteJid", "keyId", "fromMe", "senderJid", "pushName", "remoteLid", "senderLid", type, content,
                          status, timestamp, "receivedAt", "quoteId", raw, "createdAt", "updatedAt")
    VALUES (${newRowId()}, ${ctx.ref.id}, ${ctx.ref.ownerId}, ${m.remoteJid}, ${m.keyId}, ${m.fromMe}::boolean, ${m.senderJid}::text, ${m.pushName}::text,
            ${m.remoteLid}, ${m.senderLid}, ${m.type}::"MessageType", ${m.content}::text, ${m.status}::"MessageStatus",
            ${utc(m.timestamp)}::timestamp, ${utc(m.receivedAt)}::timestamp, ${m.quoteId}::text, decode(${Buffer.from(m.raw).toString("base64")}, 'base64'),
            now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
    ON CONFLICT ("sessionId", "keyId") DO UPDATE SET
      raw = EXCLUDED.raw,
      content = COALESCE(EXCLUDED.content, messages.content),
      "remoteLid" = COALESCE(EXCLUDED."remoteLid", messages."remoteLid"),
      "senderLid" = COALESCE(EXCLUDED."senderLid", messages."senderLid"),
      "updatedAt" = EXCLUDED."updatedAt"
    RETURNING payload, (xmax = 0) AS inserted
    )${touchChat(ctx, chat, Prisma.sql`${utc(m.receivedAt)}::timestamp`)}
    SELECT payload, inserted FROM stored`;
  const payload = rows[0]?.payload ?? null;
  return { payload: typeof payload === "string" ? JSON.parse(payload) : payload, inserted: rows[0]?.inserted === true };
}

/** A message's chat, as the message's statement touches it. */
interface ChatTouch {
  jid: string;
  isGroup: boolean;
  unread: boolean;
  name: string | null;
}

/**
 * The chat part of a message's statement (a data-modifying CTE over `stored`, the message's row):
 * created with it, or moved to `lastMessageAt` and one more unread for an incoming notification.
 * Part of the message's statement (issue 10): it runs for every message, and was a round trip of
 * its own (before that, Prisma's upsert through its query compiler).
 */
function touchChat(ctx: StoreContext, chat: ChatTouch | null, lastMessageAt: Prisma.Sql): Prisma.Sql {
  if (!chat) return Prisma.empty;
  return Prisma.sql`, chat AS (
    INSERT INTO chats (id, "sessionId", "ownerId", jid, name, "isGroup", "unreadCount", "lastMessageAt", "createdAt", "updatedAt")
    SELECT ${newRowId()}, ${ctx.ref.id}, ${ctx.ref.ownerId}, ${chat.jid}, ${chat.name}::text, ${chat.isGroup}::boolean, ${chat.unread ? 1 : 0}::int,
           ${lastMessageAt}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM stored
    ON CONFLICT ("sessionId", jid) DO UPDATE
      SET "lastMessageAt" = EXCLUDED."lastMessageAt", "unreadCount" = chats."unreadCount" + EXCLUDED."unreadCount", "updatedAt" = EXCLUDED."updatedAt"
  )`;
}

/**
 * The echo of a send the worker handed over: WhatsApp's view of the message (as for any upsert of
 * our own) and what the worker's markSendsSent would write — SENT unless a receipt moved it on
 * (statuses never go back), and the send time as its time in the chat (the message's and its
 * chat's) — and `receipt`, a receipt Baileys merged into the echo, when it is a step forward, in one
 * statement. null: the message is not stored (deleted meanwhile); the caller stores it as any other.
 */
async function saveOwnSendEcho(
  ctx: StoreContext,
  keyId: string,
  fields: { raw: Uint8Array; content: string | null; remoteLid: Prisma.Sql; senderLid: Prisma.Sql },
  sentAtMs: number,
  chat: ChatTouch | null,
  receipt: MessageStatus | null,
): Promise<{ payload: unknown; moved: boolean; receiptMoved: boolean; remoteJid: string } | null> {
  const at = utc(new Date(sentAtMs));
  // The status after the echo: SENT out of PENDING, else as stored; then the merged receipt's when
  // that is a step forward from it (statuses never go back).
  const echoedStatus = Prisma.sql`CASE WHEN old.status = 'PENDING' THEN 'SENT'::"MessageStatus" ELSE old.status END`;
  const receiptMoves = receipt ? Prisma.sql`${STATUS_RANK[receipt]}::int > (${rankSql(Prisma.sql`(${echoedStatus})`)})` : Prisma.sql`FALSE`;
  const rows = await ctx.db.$queryRaw<Array<{ was: MessageStatus; payload: unknown; remoteJid: string }>>`
    WITH old AS (SELECT id, status, "sentAt" FROM messages WHERE "sessionId" = ${ctx.ref.id} AND "keyId" = ${keyId} FOR UPDATE),
    stored AS (
    UPDATE messages m SET
      raw = decode(${Buffer.from(fields.raw).toString("base64")}, 'base64'),
      content = COALESCE(${fields.content}::text, m.content),
      "remoteLid" = COALESCE(${fields.remoteLid}, m."remoteLid"),
      "senderLid" = COALESCE(${fields.senderLid}, m."senderLid"),
      status = CASE WHEN ${receiptMoves} THEN ${receipt}::"MessageStatus" ELSE ${echoedStatus} END,
      "sentAt" = CASE WHEN old.status = 'PENDING' OR old."sentAt" IS NULL THEN ${at}::timestamp ELSE m."sentAt" END,
      timestamp = CASE WHEN old.status = 'PENDING' OR old."sentAt" IS NULL THEN ${at}::timestamp ELSE m.timestamp END,
      "receivedAt" = CASE WHEN old.status = 'PENDING' OR old."sentAt" IS NULL THEN ${at}::timestamp ELSE m."receivedAt" END,
      "sendAfter" = CASE WHEN old.status = 'PENDING' OR old."sentAt" IS NULL THEN NULL ELSE m."sendAfter" END,
      "failureReason" = CASE WHEN old.status = 'PENDING' THEN NULL ELSE m."failureReason" END,
      "updatedAt" = (now() AT TIME ZONE 'UTC')
    FROM old WHERE m.id = old.id
    RETURNING old.status::text AS was, m.payload, m."remoteJid", m."sentAt"
    )${touchChat(ctx, chat, Prisma.sql`COALESCE(stored."sentAt", ${at}::timestamp)`)}
    SELECT was, payload, "remoteJid" FROM stored`;
  const row = rows[0];
  if (!row) return null;
  const payload = typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload;
  // The statement's own test, on the status it found: the merged receipt moved it past the echo's.
  const echoed = row.was === "PENDING" ? "SENT" : row.was;
  const receiptMoved = receipt !== null && STATUS_RANK[receipt] > STATUS_RANK[echoed];
  return { payload, moved: row.was === "PENDING", receiptMoved, remoteJid: row.remoteJid };
}

const NO_LID = Prisma.sql`NULL::text`;

/**
 * The LID beside a phone-number JID (issue 11), as SQL for the message's statement: the one WhatsApp
 * gave with the message (after normalizeLidAddressing, `…Alt` holds it), else the session's latest
 * mapping for the number. A JID that is itself a LID (its number unknown) is its own LID.
 * The mapping is a subquery of the message's own statement rather than a look-up before it
 * (issue 10): that look-up was a round trip for nearly every batch, our own sends' echoes included.
 */
function lidBeside(ctx: StoreContext, jid: string, alt: string | null | undefined): Prisma.Sql {
  if (isLidUser(jid)) return Prisma.sql`${jid}::text`;
  const given = alt ? jidNormalizedUser(alt) : null;
  if (given && isLidUser(given)) return Prisma.sql`${given}::text`;
  if (!isPnUser(jid)) return NO_LID;
  return Prisma.sql`(SELECT lid FROM lid_mappings WHERE "sessionId" = ${ctx.ref.id} AND "phoneJid" = ${jid} ORDER BY "updatedAt" DESC LIMIT 1)`;
}

/**
 * messages.upsert: stores the messages, then announces what each one is, in order. Edits, revokes
 * and reactions are taken from the message that carries them, rather than from the
 * messages.update / messages.reaction events Baileys derives from it (which come after every upsert
 * of the batch); `handled` tells storeDerivedUpdates which of those to skip.
 */
export async function storeMessageUpserts(
  ctx: StoreContext,
  upsert: BaileysEventMap["messages.upsert"],
  publish: Publish,
  afterCommit: AfterCommit,
  handled: Set<string>,
) {
  const { campaignOf, quiet, statusMoves } = await saveMessages(ctx, upsert.messages, upsert.type === "notify");
  const echoed = new Map((ctx.echoedSends ?? []).filter((e) => e.moved).map((e) => [e.claimed.keyId, e]));
  for (const msg of upsert.messages) {
    // What the worker's markSendsSent would have announced, where it usually came: first.
    const sent = msg.key.fromMe && msg.key.id ? echoed.get(msg.key.id) : undefined;
    if (sent) {
      const campaignId = sent.claimed.payload?.campaignId;
      publish("message.update", {
        id: sent.claimed.keyId,
        messageId: sent.claimed.keyId,
        remoteJid: sent.remoteJid,
        fromMe: true,
        status: "SENT",
        ...(campaignId ? { campaignId } : {}),
      });
    }
    // Our own message's receipts (merged into this upsert, or come before it): announced after the
    // message they concern, as every later receipt is.
    const ownStatus = () => applyOwnUpsertStatus(ctx, msg, publish, msg.key.id ? statusMoves.get(msg.key.id) : undefined, campaignOf);
    const protocol = msg.message?.protocolMessage;
    const targetId = protocol?.key?.id;
    if (protocol && targetId) {
      await ownStatus();
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
    if (!msg.message || isProtocolOnly(msg.message)) {
      await ownStatus();
      continue;
    }
    const announcement = upsertEvent(msg, msg.key.id ? campaignOf.get(msg.key.id) : undefined);
    // Our send that another write took out of PENDING (or will): announced by that write.
    if (!(msg.key.fromMe && msg.key.id && quiet.has(msg.key.id))) publish(announcement.event, announcement.data);
    await ownStatus();
    const data = announcement.data;
    if (data.type === "REACTION") {
      if (data.quoteId) handled.add(`react:${data.quoteId}`);
      continue;
    }
    const isStatus = msg.key.remoteJid === "status@broadcast";
    if (!msg.key.fromMe && data.type !== "OTHER" && describeMessage(msg.message).hasMedia && ctx.config.autoSaveMedia !== false && ctx.saveIncomingMedia) {
      afterCommit.push(() => saveMediaInBackground(ctx, msg));
    }
    // readReceipts: mark what arrives as read, unless the session is in ghost mode.
    if (!msg.key.fromMe && !isStatus && upsert.type === "notify" && ctx.config.readReceipts && !ctx.config.ghostMode) {
      const key = msg.key;
      afterCommit.push(() => ctx.sock.readMessages([key]));
    }
  }
}

/** Edits and revokes Baileys reported without the message that carries them being in the batch. */
export async function storeDerivedUpdates(ctx: StoreContext, updates: BaileysEventMap["messages.update"], publish: Publish, handled: Set<string>) {
  for (const { key, update } of updates) {
    if (!key.id) continue;
    const target = { id: key.id, remoteJid: key.remoteJid, fromMe: key.fromMe };
    const edited = update.message?.editedMessage?.message;
    if (edited && !handled.has(`edit:${key.id}`)) await applyEdit(ctx, target, edited, publish);
    // A revoke ("delete for everyone") arrives as an update that empties the message.
    const revoked = update.message === null || update.messageStubType === proto.WebMessageInfo.StubType.REVOKE;
    if (revoked && !handled.has(`revoke:${key.id}`)) await applyRevoke(ctx, target, publish);
  }
}

/** Reactions Baileys reported without the reaction message being in the batch. */
export function storeDerivedReactions(reactions: BaileysEventMap["messages.reaction"], publish: Publish, handled: Set<string>) {
  for (const reaction of reactions) {
    if (reaction.key.id && handled.has(`react:${reaction.key.id}`)) continue; // announced with its message
    publish("message.reaction", {
      targetId: reaction.key.id,
      remoteJid: reaction.key.remoteJid,
      reaction: reaction.reaction.text ?? "",
      from: reaction.reaction.key?.participant ?? reaction.reaction.key?.remoteJid ?? null,
    });
  }
}

type TargetKey = { id: string; remoteJid?: string | null; fromMe?: boolean | null };

/** An edit replaces the text (or caption) the store shows; the event says it was edited. */
async function applyEdit(ctx: StoreContext, key: TargetKey, edited: proto.IMessage, publish: Publish) {
  const d = describeMessage(edited);
  const count = await ctx.db.$executeRaw`
    UPDATE messages SET content = ${d.content}::text, "updatedAt" = ${NOW_SQL}
    WHERE "sessionId" = ${ctx.ref.id} AND "keyId" = ${key.id}`;
  if (count > 0) publish("message.update", { id: key.id, messageId: key.id, remoteJid: key.remoteJid, fromMe: key.fromMe, edited: true, text: d.content });
}

/** "Delete for everyone": kept with revokedAt under antiDelete, emptied otherwise. */
async function applyRevoke(ctx: StoreContext, key: TargetKey, publish: Publish) {
  const { db, ref } = ctx;
  if (ctx.config.antiDelete) {
    const [kept] = await db.$queryRaw<Array<{ content: string | null; type: string }>>`
      UPDATE messages SET "revokedAt" = ${NOW_SQL}, "updatedAt" = ${NOW_SQL}
      WHERE "sessionId" = ${ref.id} AND "keyId" = ${key.id}
      RETURNING content, type::text AS type`;
    publish("message.revoke", {
      id: key.id,
      messageId: key.id,
      remoteJid: key.remoteJid,
      fromMe: key.fromMe,
      kept: true,
      type: kept?.type ?? null,
      content: kept?.content ?? null,
    });
  } else {
    await db.$executeRaw`
      UPDATE messages SET "revokedAt" = ${NOW_SQL}, content = NULL, raw = NULL, "updatedAt" = ${NOW_SQL}
      WHERE "sessionId" = ${ref.id} AND "keyId" = ${key.id}`;
    publish("message.revoke", { id: key.id, messageId: key.id, remoteJid: key.remoteJid, fromMe: key.fromMe, kept: false });
  }
}

/**
 * Downloads and keeps an incoming message's media without holding up the session's queue (a video
 * can take a while); the message's mediaUrl is set once the file is stored. It runs after the
 * batch has committed and records no event, so it cannot reorder anything.
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
