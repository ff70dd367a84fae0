// Receipts: a message's status moves forward (SENT → DELIVERED → READ), never back, each move
// announced as message.update. Receipts for a message not stored yet are kept until it is.
import type { BaileysEventMap, WAMessage } from "@whiskeysockets/baileys";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { rankSql, STATUS_BY_ACK, STATUS_RANK, utc, type Publish, type StatusMove, type StoreContext } from "@/lib/store/store-context";
import { sendIsAnnounced, storedSendEvent, upsertEvent, type StoredSendRow } from "@/lib/store/message-announcement";

/**
 * Moves a stored message to `status` when that is a step forward; false when nothing changed.
 * What it returns goes into the message.update event: a campaign's send names its campaign there
 * (issue 13: "each recipient's send emits the usual message events carrying the campaign id").
 */
export async function updateStatus(ctx: StoreContext, keyId: string, status: MessageStatus): Promise<false | Moved> {
  // Nothing moves back to PENDING: no need to read the message to know (issue 10).
  if (status === "PENDING") return false;
  // WhatsApp's ack of our send may overtake Baileys' echo of it (which writes SENT with the send
  // time, lib/messages/sends-awaiting-echo.ts): then the send time comes with the status, as SENT's would.
  const own = ctx.sendsAwaitingEcho?.peek(keyId);
  const sentAt = own?.sentAt ? utc(new Date(own.sentAt)) : null;
  // One statement (issue 10: was a read and an update through Prisma's query compiler): the
  // message as it was, and whether it moved — only ever forward.
  const [current] = await ctx.db.$queryRaw<Array<{ was: MessageStatus; payload: unknown; moved: boolean; row: StoredSendRow | null }>>`
    WITH old AS (
      SELECT id, status, payload FROM messages WHERE "sessionId" = ${ctx.ref.id} AND "keyId" = ${keyId} FOR UPDATE
    ), moved AS (
      UPDATE messages m SET
        status = ${status}::"MessageStatus",
        "sentAt" = CASE WHEN old.status = 'PENDING' AND ${sentAt}::timestamp IS NOT NULL THEN ${sentAt}::timestamp ELSE m."sentAt" END,
        timestamp = CASE WHEN old.status = 'PENDING' AND ${sentAt}::timestamp IS NOT NULL THEN ${sentAt}::timestamp ELSE m.timestamp END,
        "receivedAt" = CASE WHEN old.status = 'PENDING' AND ${sentAt}::timestamp IS NOT NULL THEN ${sentAt}::timestamp ELSE m."receivedAt" END,
        "sendAfter" = CASE WHEN old.status = 'PENDING' AND ${sentAt}::timestamp IS NOT NULL THEN NULL ELSE m."sendAfter" END,
        "failureReason" = CASE WHEN old.status = 'PENDING' AND ${sentAt}::timestamp IS NOT NULL THEN NULL ELSE m."failureReason" END,
        "updatedAt" = (now() AT TIME ZONE 'UTC')
      FROM old
      WHERE m.id = old.id AND ${STATUS_RANK[status]}::int > (${rankSql(Prisma.sql`old.status`)})
      RETURNING m.id, m."keyId", m."remoteJid", m."remoteLid", m.type::text AS type, m.content, m."quoteId", m.timestamp
    )
    SELECT old.status::text AS was, old.payload, EXISTS (SELECT 1 FROM moved) AS moved,
      (SELECT row_to_json(moved) FROM moved) AS row
    FROM old`;
  if (!current) {
    // Kept until the message's own upsert stores it (bounded: receipts for unknown ids are rare).
    const known = ctx.earlyStatuses.get(keyId);
    if (!known || STATUS_RANK[status] > STATUS_RANK[known]) ctx.earlyStatuses.set(keyId, status);
    if (ctx.earlyStatuses.size > 1000) ctx.earlyStatuses.delete(ctx.earlyStatuses.keys().next().value!);
    return false;
  }
  if (!current.moved) return false;
  const payload = (typeof current.payload === "string" ? JSON.parse(current.payload) : current.payload) as { campaignId?: unknown } | null;
  const campaignId = typeof payload?.campaignId === "string" ? payload.campaignId : undefined;
  // Our send taken out of PENDING by this receipt: its message.sent is this write's to record (the
  // echo or the worker's write that comes later finds it moved), in this transaction — recorded
  // anywhere else, a crash in between would leave a message on the phone nobody announced. From
  // the message sendMessage returned when this process sent it, else from what is stored (it went
  // out from a process that died before recording it, or its echo came before the worker waited).
  if (current.was !== "PENDING" || !current.row || !sendIsAnnounced(payload)) return campaignId ? { campaignId } : {};
  const sent = own?.message ? upsertEvent(own.message, campaignId) : storedSendEvent(current.row, campaignId);
  return { ...(campaignId ? { campaignId } : {}), sent };
}

/** A forward move: the campaign of the send, and the announcement of a send it took out of PENDING. */
interface Moved {
  campaignId?: string;
  sent?: { event: string; data: Record<string, unknown> };
}

/** A status move, announced: message.update, after the send's announcement when it moved it out of PENDING (the echo's order). */
function publishMove(publish: Publish, status: MessageStatus, moved: Moved, data: Record<string, unknown>) {
  const { sent, ...tags } = moved;
  if (sent) publish(sent.event, sent.data);
  publish("message.update", { ...data, status, ...tags });
}

/**
 * Our own message as Baileys upserts it: a receipt merged into it (same event buffer) or one that
 * came before it was stored. `stored`: the merged receipt was written by the echo's own statement
 * (lib/store/store-messages.ts), which tells whether it moved the status; `campaignOf` names the
 * campaign of such a send, as updateStatus would have.
 */
export async function applyOwnUpsertStatus(ctx: StoreContext, msg: WAMessage, publish: Publish, stored?: StatusMove, campaignOf?: Map<string, string>) {
  const keyId = msg.key.id;
  if (!msg.key.fromMe || !keyId) return;
  const data = { id: keyId, messageId: keyId, remoteJid: msg.key.remoteJid, fromMe: true };
  if (stored) {
    const campaignId = campaignOf?.get(keyId);
    publishMove(publish, stored.status, campaignId ? { campaignId } : {}, data);
  }
  const early = ctx.earlyStatuses.get(keyId);
  ctx.earlyStatuses.delete(keyId);
  const merged = stored === undefined && typeof msg.status === "number" ? STATUS_BY_ACK[msg.status] : undefined;
  for (const status of [merged, early]) {
    const moved = status && (await updateStatus(ctx, keyId, status));
    if (moved) publishMove(publish, status, moved, data);
  }
}

/** The status part of messages.update (edits and revokes are lib/store/store-messages.ts'). */
export async function storeStatusUpdates(ctx: StoreContext, updates: BaileysEventMap["messages.update"], publish: Publish) {
  for (const { key, update } of updates) {
    if (!key.id || typeof update.status !== "number") continue;
    const status = STATUS_BY_ACK[update.status];
    const moved = status && (await updateStatus(ctx, key.id, status));
    if (moved) publishMove(publish, status, moved, { id: key.id, messageId: key.id, remoteJid: key.remoteJid, fromMe: key.fromMe });
  }
}

export async function storeReceipts(ctx: StoreContext, receipts: BaileysEventMap["message-receipt.update"], publish: Publish) {
  for (const receipt of receipts) {
    const keyId = receipt.key.id;
    if (!keyId) continue;
    const status: MessageStatus | null = receipt.receipt.readTimestamp ? "READ" : receipt.receipt.receiptTimestamp ? "DELIVERED" : null;
    const moved = status && (await updateStatus(ctx, keyId, status));
    if (moved) {
      publishMove(publish, status, moved, {
        id: keyId,
        messageId: keyId,
        remoteJid: receipt.key.remoteJid,
        fromMe: receipt.key.fromMe,
        participant: receipt.receipt.userJid,
      });
    }
  }
}
