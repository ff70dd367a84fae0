// The message store's entry point: persists what Baileys reports about messages, receipts, chats,
// contacts (and, later, groups), and records the matching events in the outbox in the same
// transaction. Called on the session's ordered queue, one batch of Baileys events at a time.
// WhatsApp I/O the batch causes (read receipts, media downloads) runs after the commit; presence
// and calls, which change nothing stored, are announced without a transaction.
//
// One file per event family (issue 18): store-messages.ts, store-receipts.ts,
// store-chats-contacts.ts, store-groups.ts (where lib/groups/ hooks in), announce-events.ts.
import type { BaileysEventMap } from "@whiskeysockets/baileys";
import type { Db } from "@/lib/db/create-prisma-client";
import { directTransaction } from "@/lib/db/direct-sql";
import { retryOnConflict } from "@/lib/db/retry-on-conflict";
import type { PendingEvent } from "@/lib/events/event-outbox";
import { gatewayMetrics } from "@/lib/metrics/gateway-metrics";
import { announcedEvents } from "@/lib/store/announce-events";
import { storeChatEvents, storeContactEvents, storeHistoryChatsAndContacts } from "@/lib/store/store-chats-contacts";
import type { AfterCommit, EchoedSend, StoreContext } from "@/lib/store/store-context";
import { GROUP_EVENTS, storeGroupEvents } from "@/lib/store/store-groups";
import { saveMessages, storeDerivedReactions, storeDerivedUpdates, storeMessageUpserts } from "@/lib/store/store-messages";
import { storeReceipts, storeStatusUpdates } from "@/lib/store/store-receipts";

export { messageEventData } from "@/lib/store/message-announcement";
export type { StoreContext } from "@/lib/store/store-context";

/** The Baileys events that are stored; a batch without any of them opens no transaction. */
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
  ...GROUP_EVENTS,
] as const;

/**
 * Stores one or more batches of Baileys events, in order, in one transaction: batches that queued
 * up while the session was busy share it (group commit, issue 10) — each batch's events are still
 * recorded in the order they happened, and nothing is announced before the commit.
 */
export async function handleStoreEvents(ctx: Omit<StoreContext, "db"> & { db: Db }, batches: Array<Partial<BaileysEventMap>>): Promise<void> {
  if (batches.some((events) => STORED.some((name) => events[name]))) {
    // PostgreSQL may abort the transaction to break a deadlock with another writer of the same rows
    // (the send worker revoking a message this batch moves a receipt on): tried again, since the
    // batch — messages received, receipts — would otherwise be lost with it.
    const { dispatch, echoedSends, afterCommit } = await retryOnConflict(() => storeInOneTransaction(ctx, batches));
    dispatch();
    if (echoedSends.length) gatewayMetrics()?.messagesSent.inc({ session: ctx.ref.sessionId }, echoedSends.length);
    const received = batches.reduce((n, events) => n + countReceived(events), 0);
    if (received) gatewayMetrics()?.messagesReceived.inc({ session: ctx.ref.sessionId }, received);
    for (const action of afterCommit) {
      await action().catch((error: unknown) => ctx.logger.warn({ err: error, sessionId: ctx.ref.sessionId }, "follow-up WhatsApp action failed"));
    }
  }
  for (const events of batches) await ctx.outbox.announce(ctx.ref, announcedEvents(events));
}

/**
 * One attempt at storing the batches. A failed attempt leaves nothing behind, in the database or
 * in memory: the session's caches the batch used up are put back, so that a second attempt stores
 * exactly what the first would have.
 */
async function storeInOneTransaction(ctx: Omit<StoreContext, "db"> & { db: Db }, batches: Array<Partial<BaileysEventMap>>) {
  const afterCommit: AfterCommit = [];
  const echoedSends: EchoedSend[] = [];
  const restoreCaches = rememberCaches(ctx, batches);
  // On a pool connection of its own, without Prisma's query compiler (issue 10): the store's
  // statements are raw SQL, and Prisma's interactive transaction alone cost ~0.6 ms of CPU.
  const dispatch = await directTransaction(
    ctx.db,
    async (tx) => {
      const pending: PendingEvent[] = [];
      for (const events of batches) await storeBatch({ ...ctx, db: tx, rootDb: ctx.db, echoedSends }, events, pending, afterCommit);
      return ctx.outbox.record(tx, ctx.ref, pending);
    },
    // A history sync can be large; the default 5 s would abort it.
    { timeout: 120_000, maxWait: 60_000 },
  ).catch((error: unknown) => {
    // Their SENT was to be written here: the send worker writes it after all (a second attempt
    // stores their echoes as it would a late echo's).
    for (const sent of echoedSends) sent.fallback(sent.claimed);
    restoreCaches();
    throw error;
  });
  return { dispatch, echoedSends, afterCommit };
}

/**
 * What a batch may take from the session's caches, and a function that puts it back: receipts that
 * came early (consumed when their message is stored), the arrival times of the batch's messages
 * (used once), and the push names known to be stored (a rolled-back write is not stored: forgotten).
 */
function rememberCaches(ctx: Pick<StoreContext, "earlyStatuses" | "arrivals" | "knownPushNames">, batches: Array<Partial<BaileysEventMap>>) {
  const early = new Map(ctx.earlyStatuses);
  const arrivals = new Map<string, number>();
  for (const events of batches) {
    for (const msg of events["messages.upsert"]?.messages ?? []) {
      const at = msg.key.id ? ctx.arrivals?.get(msg.key.id) : undefined;
      if (at !== undefined) arrivals.set(msg.key.id!, at);
    }
  }
  return () => {
    ctx.earlyStatuses.clear();
    for (const [keyId, status] of early) ctx.earlyStatuses.set(keyId, status);
    for (const [keyId, at] of arrivals) ctx.arrivals?.set(keyId, at);
    ctx.knownPushNames?.clear();
  };
}

/**
 * Whether a batch may share a transaction with the batches queued before it: only what the store
 * alone handles (messages, receipts, chats, contacts). Credentials, the connection, groups (stored
 * before the batch that announces them) and presence or calls (announced at once) go on their own.
 */
export function canShareTransaction(events: Partial<BaileysEventMap>): boolean {
  const keys = Object.keys(events);
  return (
    keys.length > 0 &&
    keys.every((k) => (SHAREABLE as readonly string[]).includes(k)) &&
    // A message stub is a group change (lib/groups/group-updates-from-stubs.ts): a group event, so it
    // goes on its own like the other group events.
    !(events["messages.upsert"]?.messages ?? []).some((m) => m.messageStubType)
  );
}

const SHAREABLE = [
  "messages.upsert",
  "messages.update",
  "message-receipt.update",
  "messages.reaction",
  "chats.upsert",
  "chats.update",
  "contacts.upsert",
  "contacts.update",
] as const;

/** Messages from contacts in a batch (for wagate_messages_received_total). */
function countReceived(events: Partial<BaileysEventMap>): number {
  const upsert = events["messages.upsert"];
  if (!upsert || upsert.type !== "notify") return 0;
  return upsert.messages.filter((m) => !m.key.fromMe && m.message && !m.message.protocolMessage).length;
}

/** The batch's stored part, its events listed in the order they happened. */
async function storeBatch(ctx: StoreContext, events: Partial<BaileysEventMap>, pending: PendingEvent[], afterCommit: AfterCommit) {
  const publish = (event: string, data: Record<string, unknown>) => void pending.push({ event, data });

  const history = events["messaging-history.set"];
  if (history) {
    await storeHistoryChatsAndContacts(ctx, history);
    await saveMessages(ctx, history.messages, false, true);
    publish("history.sync", { chats: history.chats.length, contacts: history.contacts.length, messages: history.messages.length });
  }
  await storeChatEvents(ctx, events, publish);
  await storeContactEvents(ctx, events, publish);

  const handled = new Set<string>();
  const upsert = events["messages.upsert"];
  if (upsert) await storeMessageUpserts(ctx, upsert, publish, afterCommit, handled);
  const updates = events["messages.update"];
  if (updates) {
    await storeStatusUpdates(ctx, updates, publish);
    await storeDerivedUpdates(ctx, updates, publish, handled);
  }
  const receipts = events["message-receipt.update"];
  if (receipts) await storeReceipts(ctx, receipts, publish);
  const reactions = events["messages.reaction"];
  if (reactions) storeDerivedReactions(reactions, publish, handled);

  await storeGroupEvents(ctx, events, publish);
}
