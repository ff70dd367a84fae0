// The durable event stream. Every event of a session is written to the `events` table — with one
// webhook delivery row per webhook that wants it — in the same transaction as the change that
// caused it, and only after the commit is it pushed to Socket.io and to in-process subscribers
// (the webhook worker's wake-up). A crash therefore loses no event, and no consumer sees an event
// whose change was rolled back.
//
// Order (issue 17): every event gets `seq`, a database sequence. Recording first takes a
// transaction-scoped advisory lock on the session, so the transactions recording events of one
// session record one after another and commit in the order they took their numbers: within a
// session `seq` is commit order, the order webhooks, Socket.io and the events API use. It never
// ties and never goes backwards, in one process or several. Call record() last in a transaction
// (after its other writes), so that the lock is held only for the inserts and the commit.
//
// Cost (issue 10): recording is ONE statement — lock, events, deliveries — and the owner's webhooks
// come from a cache (lib/events/webhook-cache.ts) instead of a query per batch.
//
// Events that change nothing stored (presence, calls) go through announce(): no transaction; they
// are written (one statement) only when a webhook wants them, else only pushed to Socket.io.
import { direct, type SqlRunner } from "@/lib/db/direct-sql";
import type { Server } from "socket.io";
import type { Db } from "@/lib/db/create-prisma-client";
import { eventMatches } from "@/lib/events/event-names";
import { WebhookCache } from "@/lib/events/webhook-cache";
import { Prisma } from "@/lib/generated/prisma/client";
import { emitSessionEvent } from "@/lib/realtime/emit-session-event";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { newRowId } from "@/lib/db/new-row-id";

export type Tx = Prisma.TransactionClient;

export interface RecordedEvent {
  id: string;
  /** The event's place in the order of events (see above); absent for events that were only announced. */
  seq?: number;
  event: string;
  /** The session's public id. */
  sessionId: string;
  /** The session's internal id (Socket.io rooms are named by it: public ids are unique per owner only). */
  sessionDbId: string;
  ownerId: string;
  timestamp: string;
  data: Record<string, unknown>;
  /**
   * The webhooks it created deliveries for: the webhook worker needs waking only when there are
   * some, and not for a webhook whose delivery chain is running (lib/webhooks/webhook-worker.ts).
   */
  webhookIds: string[];
}

export interface PendingEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Plain JSON: bytes as base64, 64-bit numbers as numbers, no undefined. */
export function toJson(value: unknown): Prisma.InputJsonObject {
  return JSON.parse(toJsonText(value));
}

function toJsonText(value: unknown): string {
  return JSON.stringify(value ?? {}, (_key, v) => {
    if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
    if (v && typeof v === "object" && v.type === "Buffer" && Array.isArray(v.data)) return Buffer.from(v.data).toString("base64");
    if (v && typeof v === "object" && typeof v.low === "number" && typeof v.high === "number" && "unsigned" in v) {
      return v.high * 2 ** 32 + (v.low >>> 0);
    }
    if (typeof v === "bigint") return Number(v);
    return v;
  });
}

/** The first key of the two-key advisory locks this module takes ("ev"). */
const EVENT_LOCK_SPACE = 0x6576;

export class EventOutbox {
  private readonly subscribers = new Set<(event: RecordedEvent) => void>();
  readonly webhooks: WebhookCache;

  constructor(
    private readonly db: Db,
    private readonly io: () => Server | null,
  ) {
    this.webhooks = new WebhookCache(db);
  }

  /**
   * Writes events, and their webhook deliveries, inside `tx`. Returns what to call once `tx` has
   * committed: it pushes the events to Socket.io and the subscribers.
   */
  async record(tx: SqlRunner, session: SessionRef, events: PendingEvent[]): Promise<() => void> {
    if (events.length === 0) return () => {};
    const recorded = await this.insert(tx, session, events);
    return () => this.dispatch(recorded);
  }

  /** Records and dispatches events that are not part of a larger change. */
  async emit(session: SessionRef, event: string, data: Record<string, unknown>): Promise<void> {
    // One statement: its own transaction, the session's lock included.
    this.dispatch(await this.insert(this.db, session, [{ event, data }]));
  }

  /**
   * Events that change nothing stored (presence, calls): no transaction. Written (one statement)
   * only when one of the owner's webhooks wants one of them — a delivery must be durable — else
   * only pushed to Socket.io and the subscribers, without `seq`.
   */
  async announce(session: SessionRef, events: PendingEvent[]): Promise<void> {
    if (events.length === 0) return;
    const hooks = await this.webhooks.forSession(session);
    if (events.some((e) => hooks.some((h) => eventMatches(h.events, e.event)))) {
      this.dispatch(await this.insert(this.db, session, events));
      return;
    }
    const now = new Date().toISOString();
    this.dispatch(
      events.map((e) => ({
        id: newRowId("v"),
        event: e.event,
        sessionId: session.sessionId,
        sessionDbId: session.id,
        ownerId: session.ownerId,
        timestamp: now,
        data: JSON.parse(toJsonText(e.data)),
        webhookIds: [],
      })),
    );
  }

  subscribe(listener: (event: RecordedEvent) => void): () => void {
    this.subscribers.add(listener);
    return () => this.subscribers.delete(listener);
  }

  /** The session's lock, its events (numbered in the order given) and their deliveries: one statement. */
  private async insert(runner: Pick<Tx, "$queryRaw">, session: SessionRef, events: PendingEvent[]): Promise<RecordedEvent[]> {
    const hooks = await this.webhooks.forSession(session, runner);
    const ids = events.map(() => newRowId("e"));
    const names = events.map((e) => e.event);
    const payloads = events.map((e) => toJsonText(e.data));
    const delivery = { ids: [] as string[], hooks: [] as string[], events: [] as string[] };
    const perEvent = events.map((e, i) => {
      const wanting = hooks.filter((h) => eventMatches(h.events, e.event));
      for (const h of wanting) {
        delivery.ids.push(newRowId("d"));
        delivery.hooks.push(h.id);
        delivery.events.push(ids[i]);
      }
      return wanting.map((h) => h.id);
    });
    const rows = await direct(runner).$queryRaw<Array<{ id: string; seq: bigint | number; createdAt: Date }>>`
      WITH lock AS (
        SELECT pg_advisory_xact_lock(${EVENT_LOCK_SPACE}::int, hashtext(${session.id}))
      ), inserted AS (
        INSERT INTO events (id, "ownerId", "sessionId", event, payload, "createdAt")
        SELECT v.id, ${session.ownerId}, ${session.id}, v.event, v.payload::jsonb, (now() AT TIME ZONE 'UTC')
        FROM lock, unnest(${ids}::text[], ${names}::text[], ${payloads}::text[]) WITH ORDINALITY AS v(id, event, payload, n)
        ORDER BY v.n
        RETURNING id, seq, "createdAt"
      ), deliveries AS (
        INSERT INTO webhook_deliveries (id, "ownerId", "webhookId", "eventId", "eventSeq", "nextAttemptAt", "createdAt", "updatedAt")
        SELECT d.id, ${session.ownerId}, d.hook, d.event, e.seq, (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')
        FROM unnest(${delivery.ids}::text[], ${delivery.hooks}::text[], ${delivery.events}::text[]) AS d(id, hook, event)
        JOIN inserted e ON e.id = d.event
        -- The cache may be a moment behind: a webhook deleted or disabled meanwhile gets nothing.
        JOIN webhooks w ON w.id = d.hook AND w."isActive"
      )
      SELECT id, seq, "createdAt" FROM inserted`;
    const byId = new Map(rows.map((r) => [r.id, r]));
    return events.map((e, i) => {
      const row = byId.get(ids[i])!;
      return {
        id: ids[i],
        seq: Number(row.seq),
        event: e.event,
        sessionId: session.sessionId,
        sessionDbId: session.id,
        ownerId: session.ownerId,
        timestamp: row.createdAt.toISOString(),
        data: JSON.parse(payloads[i]) as Record<string, unknown>,
        webhookIds: perEvent[i],
      };
    });
  }

  private dispatch(events: RecordedEvent[]) {
    const io = this.io();
    for (const e of events) {
      // Payloads, rooms, formats, the QR rule and other nodes: lib/realtime/emit-session-event.ts.
      if (io) emitSessionEvent(io, e);
      for (const subscriber of this.subscribers) subscriber(e);
    }
  }
}
