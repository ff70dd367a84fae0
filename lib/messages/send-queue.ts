import "server-only";
// The send queue's SQL (issue 18: split from the worker's scheduling in lib/messages/send-worker.ts).
// The queue is the `messages` table: PENDING rows with a payload, due at `sendAfter`, taken oldest
// accepted first through lib/queue/claim-with-lease.ts. Every outcome is written here, with its
// message.update event in the same transaction.
import type { WAMessage } from "@whiskeysockets/baileys";
import type { Db } from "@/lib/db/create-prisma-client";
import { directTransaction } from "@/lib/db/direct-sql";
import { retryOnConflict } from "@/lib/db/retry-on-conflict";
import type { EventOutbox, PendingEvent } from "@/lib/events/event-outbox";
import { Prisma } from "@/lib/generated/prisma/client";
import { gatewayMetrics } from "@/lib/metrics/gateway-metrics";
import type { StoredSend } from "@/lib/messages/stored-send";
import { defineLeaseQueue } from "@/lib/queue/claim-with-lease";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { sendIsAnnounced, storedSendEvent, upsertEvent, type StoredSendRow } from "@/lib/store/message-announcement";

export interface ClaimedSend {
  id: string;
  sessionId: string;
  keyId: string;
  remoteJid: string;
  payload: StoredSend;
  attempts: number;
  /** When it was handed to WhatsApp: its place in the chat (messages.receivedAt). */
  sentAt?: number;
  /**
   * A plain send's message as sendMessage returned it: its message.sent, when the worker writes
   * SENT because Baileys' echo did not (lib/messages/sends-awaiting-echo.ts).
   */
  message?: WAMessage;
}

const sendQueue = defineLeaseQueue({
  table: "messages",
  dueColumn: "sendAfter",
  attemptsColumn: "attempts",
  updatedAtColumn: "updatedAt",
  // Sends accepted at the same moment (a batch is one statement) go in the order they were stored.
  orderBy: Prisma.sql`"createdAt", seq`,
});

/**
 * The session's oldest due send, claimed for one lease, in one statement: SKIP LOCKED lets
 * concurrent claimers pass each other. Times are the database's, in UTC as Prisma stores them.
 */
export async function claimSend(db: Db, sessionId: string, leaseMs: number): Promise<ClaimedSend | null> {
  const rows = await sendQueue.claim<{ id: string; keyId: string; remoteJid: string; payload: unknown; attempts: number }>(db, {
    where: Prisma.sql`"sessionId" = ${sessionId} AND status = 'PENDING' AND payload IS NOT NULL`,
    limit: 1,
    leaseMs,
    returning: Prisma.sql`id, "keyId", "remoteJid", payload, attempts`,
  });
  const row = rows[0];
  if (!row) return null;
  const payload = (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as StoredSend;
  return { id: row.id, sessionId, keyId: row.keyId, remoteJid: row.remoteJid, payload, attempts: Number(row.attempts) };
}

/**
 * For sends stored already claimed (issue 10: their session's lane takes them from memory, without
 * a claim): their `sendAfter` for a lease of `leaseMs`, and the condition on which a new send of
 * `session` (an SQL expression) may be claimed at birth — no due send of the session is waiting
 * unclaimed, so the new one cannot overtake it. A send born claimed counts its first attempt.
 */
export function claimAtBirth(leaseMs: number, session: Prisma.Sql) {
  return {
    sendAfter: sendQueue.leaseUntil(leaseMs),
    allowed: Prisma.sql`NOT EXISTS (
      SELECT 1 FROM messages q
      WHERE q."sessionId" = ${session} AND q.status = 'PENDING' AND q.payload IS NOT NULL AND q."sendAfter" <= (now() AT TIME ZONE 'UTC'))`,
  };
}

/** Keeps a claim while the send is in hand (only if it is still this attempt's). */
export function renewSend(db: Db, claimed: ClaimedSend, leaseMs: number) {
  return sendQueue.renew(db, [claimed.id], leaseMs, Prisma.sql`status = 'PENDING' AND attempts = ${claimed.attempts}`);
}

/** Due again after `afterMs`, with the reason of the failed attempt. */
export function retrySendLater(db: Db, claimed: ClaimedSend, afterMs: number, reason: string) {
  return sendQueue.release(db, [claimed.id], { afterMs, set: Prisma.sql`"failureReason" = ${reason}`, where: Prisma.sql`status = 'PENDING'` });
}

/** Gives a claim back untried (the session went away, or the worker is stopping). */
export function releaseSend(db: Db, claimed: ClaimedSend) {
  return sendQueue.release(db, [claimed.id], { set: Prisma.sql`attempts = attempts - 1`, where: Prisma.sql`status = 'PENDING'` });
}

/** SENT, unless a receipt already moved it further (statuses never go back); applies edits and deletes. */
export async function markSendsSent(db: Db, outbox: EventOutbox, ref: SessionRef, claimed: ClaimedSend[]) {
  const sentAt = new Date();
  const ids = claimed.map((c) => c.id);
  // Each message's own send time: its place in the chat (receivedAt) and its timestamp.
  const times = claimed.map((c) => new Date(c.sentAt ?? sentAt.getTime()).toISOString().slice(0, -1));
  // Tried again when PostgreSQL aborts it to break a deadlock with the message store (see below).
  const dispatch = await retryOnConflict(() =>
    db.$transaction(async (tx) => {
      // The targets of edits and deletes first, then the sends' own rows: the order in which the store
      // took the same rows in the deadlocks seen in CI (the delete's echo revokes the target, then a
      // receipt moves the delete on), about twice per run. The store can also take them the other
      // way round (a receipt for the delete and then its echo, in one shared transaction), so no
      // order avoids every deadlock: the retry settles those.
      for (const { payload } of claimed) {
        const { target, op, content } = payload;
        if (op === "edit" && target && typeof content.text === "string") {
          await tx.message.updateMany({ where: { sessionId: ref.id, ownerId: ref.ownerId, keyId: target.id }, data: { content: content.text } });
        }
        if (op === "delete" && target) {
          await tx.message.updateMany({ where: { sessionId: ref.id, ownerId: ref.ownerId, keyId: target.id, revokedAt: null }, data: { revokedAt: sentAt } });
        }
      }
      const moved = await tx.$queryRaw<StoredSendRow[]>`
      UPDATE messages m SET status = 'SENT', "sentAt" = v.at, timestamp = v.at, "receivedAt" = v.at, "sendAfter" = NULL, "failureReason" = NULL,
             "updatedAt" = (now() AT TIME ZONE 'UTC')
      FROM (SELECT unnest(${ids}::text[]) AS id, unnest(${times}::timestamp[]) AS at) v
      WHERE m.id = v.id AND m.status = 'PENDING'
      RETURNING m."keyId", m."remoteJid", m."remoteLid", m.type::text AS type, m.content, m."quoteId", m.timestamp`;
      // Announced in the order they were sent (RETURNING has no order).
      const sendOrder = new Map(claimed.map((c, i) => [c.keyId, i]));
      moved.sort((a, b) => (sendOrder.get(a.keyId) ?? 0) - (sendOrder.get(b.keyId) ?? 0));
      // A receipt (or Baileys' echo) may have moved a message past PENDING before this: it still gets
      // its send time, which is also its time in the chat — its acceptance time would put a scheduled
      // message before the moment it was really sent.
      if (moved.length < ids.length) {
        await tx.$executeRaw`
        UPDATE messages m SET "sentAt" = v.at, timestamp = v.at, "receivedAt" = v.at, "sendAfter" = NULL, "updatedAt" = (now() AT TIME ZONE 'UTC')
        FROM (SELECT unnest(${ids}::text[]) AS id, unnest(${times}::timestamp[]) AS at) v
        WHERE m.id = v.id AND m."sentAt" IS NULL`;
      }
      // A campaign's sends say so in their events (lib/campaigns).
      const campaignOf = new Map(claimed.filter((c) => c.payload.campaignId).map((c) => [c.keyId, c.payload.campaignId]));
      const tagged = (keyId: string) => (campaignOf.get(keyId) ? { campaignId: campaignOf.get(keyId) } : {});
      const events: PendingEvent[] = moved.map((m) => ({
        event: "message.update",
        data: { id: m.keyId, messageId: m.keyId, remoteJid: m.remoteJid, fromMe: true, status: "SENT", ...tagged(m.keyId) },
      }));
      // Their message.sent: a send is announced by the write that takes it out of PENDING, in its
      // transaction (a crash cannot record one without the other); a send a receipt or its echo moved
      // first was announced there. From the message sendMessage returned; without it (a send found
      // sent after a crash: wentOutBeforeCrash below) from what is stored.
      const byKey = new Map(claimed.map((c) => [c.keyId, c]));
      for (const row of moved) {
        const c = byKey.get(row.keyId);
        if (!c || !sendIsAnnounced(c.payload)) continue;
        events.push(c.message ? upsertEvent(c.message, campaignOf.get(c.keyId)) : storedSendEvent(row, campaignOf.get(c.keyId)));
      }
      return outbox.record(tx, ref, events);
    }),
  );
  dispatch();
  // Every one of them went out, also those a receipt had already moved past SENT.
  gatewayMetrics()?.messagesSent.inc({ session: ref.sessionId }, claimed.length);
}

/**
 * FAILED with the reason, announced as message.update in the same transaction. One statement for
 * all of them (a session that never came back fails its waiting sends 200 at a time).
 */
export async function failSends(
  db: Db,
  outbox: EventOutbox,
  ref: SessionRef,
  messages: Array<Pick<ClaimedSend, "id" | "keyId" | "remoteJid"> & { payload?: unknown }>,
  reason: string,
) {
  const events: PendingEvent[] = [];
  const dispatch = await directTransaction(db, async (tx) => {
    const failed = await tx.$queryRaw<Array<{ id: string }>>`
      UPDATE messages SET status = 'FAILED', "failureReason" = ${reason}, "sendAfter" = NULL, "updatedAt" = (now() AT TIME ZONE 'UTC')
      WHERE id = ANY(${messages.map((m) => m.id)}::text[]) AND status = 'PENDING'
      RETURNING id`;
    const moved = new Set(failed.map((f) => f.id));
    // Announced in the order given (RETURNING has none).
    for (const m of messages) {
      if (!moved.has(m.id)) continue;
      const campaignId = (m.payload as StoredSend | undefined)?.campaignId;
      events.push({
        event: "message.update",
        data: { id: m.keyId, messageId: m.keyId, remoteJid: m.remoteJid, fromMe: true, status: "FAILED", reason, ...(campaignId ? { campaignId } : {}) },
      });
    }
    return outbox.record(tx, ref, events);
  });
  dispatch();
  if (events.length) gatewayMetrics()?.messagesFailed.inc({ session: ref.sessionId }, events.length);
}

/** Per session with queued sends: the oldest acceptance and the earliest due time. */
export function pendingSessions(db: Db) {
  return db.message.groupBy({
    by: ["sessionId"],
    where: { status: "PENDING", payload: { not: Prisma.DbNull } },
    _min: { createdAt: true, sendAfter: true },
  });
}

/** Up to 200 sends of a session accepted before `cutoff` and still waiting. */
export function waitingSends(db: Db, sessionId: string, cutoff: Date) {
  return db.message.findMany({
    // sendAfter: a scheduled send starts waiting at its time, not when it was accepted.
    where: { sessionId, status: "PENDING", payload: { not: Prisma.DbNull }, createdAt: { lte: cutoff }, sendAfter: { lte: cutoff } },
    select: { id: true, keyId: true, remoteJid: true },
    take: 200,
  });
}

/**
 * A send claimed again after a crash whose message Baileys had already stored as ours (its proto is
 * kept): it went out before the crash, so sending it again would duplicate it.
 */
export async function wentOutBeforeCrash(db: Db, claimed: Pick<ClaimedSend, "id">): Promise<boolean> {
  return (await db.message.count({ where: { id: claimed.id, raw: { not: null } } })) > 0;
}

/** The session a queue lane belongs to (null once deleted). */
export function laneSession(db: Db, sessionId: string): Promise<SessionRef | null> {
  return db.whatsappSession.findUnique({ where: { id: sessionId }, select: { id: true, sessionId: true, ownerId: true } });
}
