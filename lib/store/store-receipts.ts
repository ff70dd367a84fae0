// Receipts: a message's status moves forward (SENT → DELIVERED → READ), never back, each move
// announced as message.update. Receipts for a message not stored yet are kept until it is.
import type { BaileysEventMap, WAMessage } from "@whiskeysockets/baileys";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { STATUS_BY_ACK, STATUS_RANK, type Publish, type StoreContext } from "@/lib/store/store-context";

/**
 * Moves a stored message to `status` when that is a step forward; false when nothing changed.
 * What it returns goes into the message.update event: a campaign's send names its campaign there
 * (issue 13: "each recipient's send emits the usual message events carrying the campaign id").
 */
export async function updateStatus(ctx: StoreContext, keyId: string, status: MessageStatus): Promise<false | { campaignId?: string }> {
  // Nothing moves back to PENDING: no need to read the message to know (issue 10).
  if (status === "PENDING") return false;
  const current = await ctx.db.message.findUnique({ where: { sessionId_keyId: { sessionId: ctx.ref.id, keyId } }, select: { status: true, payload: true } });
  if (!current) {
    // Kept until the message's own upsert stores it (bounded: receipts for unknown ids are rare).
    const known = ctx.earlyStatuses.get(keyId);
    if (!known || STATUS_RANK[status] > STATUS_RANK[known]) ctx.earlyStatuses.set(keyId, status);
    if (ctx.earlyStatuses.size > 1000) ctx.earlyStatuses.delete(ctx.earlyStatuses.keys().next().value!);
    return false;
  }
  if (STATUS_RANK[status] <= STATUS_RANK[current.status]) return false;
  // WhatsApp's ack of our send overtook Baileys' echo of it (which writes SENT with the send time,
  // lib/messages/sends-awaiting-echo.ts): the send time now, with the status, as SENT would have.
  const own = current.status === "PENDING" ? ctx.sendsAwaitingEcho?.peek(keyId) : undefined;
  const sentAt = own?.sentAt ? new Date(own.sentAt) : null;
  await ctx.db.message.updateMany({
    where: { sessionId: ctx.ref.id, keyId },
    data: sentAt ? { status, sentAt, timestamp: sentAt, receivedAt: sentAt, sendAfter: null, failureReason: null } : { status },
  });
  const campaignId = (current.payload as { campaignId?: unknown } | null)?.campaignId;
  return typeof campaignId === "string" ? { campaignId } : {};
}

/**
 * Our own message as Baileys upserts it: a receipt merged into it (same event buffer) or one that
 * came before it was stored.
 */
export async function applyOwnUpsertStatus(ctx: StoreContext, msg: WAMessage, publish: Publish) {
  if (!msg.key.fromMe || !msg.key.id) return;
  const early = ctx.earlyStatuses.get(msg.key.id);
  ctx.earlyStatuses.delete(msg.key.id);
  for (const status of [typeof msg.status === "number" ? STATUS_BY_ACK[msg.status] : undefined, early]) {
    const moved = status && (await updateStatus(ctx, msg.key.id, status));
    if (moved) publish("message.update", { id: msg.key.id, messageId: msg.key.id, remoteJid: msg.key.remoteJid, fromMe: true, status, ...moved });
  }
}

/** The status part of messages.update (edits and revokes are lib/store/store-messages.ts'). */
export async function storeStatusUpdates(ctx: StoreContext, updates: BaileysEventMap["messages.update"], publish: Publish) {
  for (const { key, update } of updates) {
    if (!key.id || typeof update.status !== "number") continue;
    const status = STATUS_BY_ACK[update.status];
    const moved = status && (await updateStatus(ctx, key.id, status));
    if (moved) publish("message.update", { id: key.id, messageId: key.id, remoteJid: key.remoteJid, fromMe: key.fromMe, status, ...moved });
  }
}

export async function storeReceipts(ctx: StoreContext, receipts: BaileysEventMap["message-receipt.update"], publish: Publish) {
  for (const receipt of receipts) {
    const keyId = receipt.key.id;
    if (!keyId) continue;
    const status: MessageStatus | null = receipt.receipt.readTimestamp ? "READ" : receipt.receipt.receiptTimestamp ? "DELIVERED" : null;
    const moved = status && (await updateStatus(ctx, keyId, status));
    if (moved) {
      publish("message.update", {
        id: keyId,
        messageId: keyId,
        remoteJid: receipt.key.remoteJid,
        fromMe: receipt.key.fromMe,
        status,
        participant: receipt.receipt.userJid,
        ...moved,
      });
    }
  }
}
