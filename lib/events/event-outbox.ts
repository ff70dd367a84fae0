// The durable event stream. Every event of a session is written to the `events` table — with one
// webhook delivery row per webhook that wants it — in the same transaction as the change that
// caused it, and only after the commit is it pushed to Socket.io and to in-process subscribers
// (the webhook worker's wake-up). A crash therefore loses no event, and no consumer sees an event
// whose change was rolled back.
import type { Server } from "socket.io";
import type { Db } from "@/lib/db/create-prisma-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { eventMatches } from "@/lib/events/event-names";
import { emitSessionEvent } from "@/lib/realtime/emit-session-event";

export type Tx = Prisma.TransactionClient;

export interface EventSession {
  id: string;
  sessionId: string;
  ownerId: string;
}

export interface RecordedEvent {
  id: string;
  event: string;
  /** The session's public id. */
  sessionId: string;
  /** The session's internal id (Socket.io rooms are named by it: public ids are unique per owner only). */
  sessionDbId: string;
  ownerId: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export interface PendingEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Plain JSON: bytes as base64, 64-bit numbers as numbers, no undefined. */
export function toJson(value: unknown): Prisma.InputJsonObject {
  return JSON.parse(
    JSON.stringify(value ?? {}, (_key, v) => {
      if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
      if (v && typeof v === "object" && v.type === "Buffer" && Array.isArray(v.data)) return Buffer.from(v.data).toString("base64");
      if (v && typeof v === "object" && typeof v.low === "number" && typeof v.high === "number" && "unsigned" in v) {
        return v.high * 2 ** 32 + (v.low >>> 0);
      }
      if (typeof v === "bigint") return Number(v);
      return v;
    }),
  );
}

export class EventOutbox {
  private readonly subscribers = new Set<(event: RecordedEvent) => void>();

  constructor(
    private readonly db: Db,
    private readonly io: () => Server | null,
  ) {}

  /**
   * Writes events, and their webhook deliveries, inside `tx`. Returns what to call once `tx` has
   * committed: it pushes the events to Socket.io and the subscribers.
   */
  async record(tx: Tx, session: EventSession, events: PendingEvent[]): Promise<() => void> {
    if (events.length === 0) return () => {};
    const rows = await tx.event.createManyAndReturn({
      data: events.map((e) => ({ ownerId: session.ownerId, sessionId: session.id, event: e.event, payload: toJson(e.data) })),
      select: { id: true, event: true, payload: true, createdAt: true },
    });
    const hooks = await tx.webhook.findMany({
      where: { ownerId: session.ownerId, isActive: true, OR: [{ sessionId: null }, { sessionId: session.id }] },
      select: { id: true, events: true },
    });
    const deliveries = rows.flatMap((row) =>
      hooks.filter((h) => eventMatches(h.events, row.event)).map((h) => ({ ownerId: session.ownerId, webhookId: h.id, eventId: row.id })),
    );
    if (deliveries.length) await tx.webhookDelivery.createMany({ data: deliveries });
    const recorded: RecordedEvent[] = rows.map((row) => ({
      id: row.id,
      event: row.event,
      sessionId: session.sessionId,
      sessionDbId: session.id,
      ownerId: session.ownerId,
      timestamp: row.createdAt.toISOString(),
      data: row.payload as Record<string, unknown>,
    }));
    return () => this.dispatch(recorded);
  }

  /** Records and dispatches events that are not part of a larger change. */
  async emit(session: EventSession, event: string, data: Record<string, unknown>): Promise<void> {
    const dispatch = await this.db.$transaction((tx) => this.record(tx, session, [{ event, data }]), { maxWait: 60_000, timeout: 30_000 });
    dispatch();
  }

  subscribe(listener: (event: RecordedEvent) => void): () => void {
    this.subscribers.add(listener);
    return () => this.subscribers.delete(listener);
  }

  private dispatch(events: RecordedEvent[]) {
    const io = this.io();
    for (const e of events) {
      // `eventId`, not `id`: message events carry the message's own id in `id`.
      const payload = { ...e.data, eventId: e.id, sessionId: e.sessionId, timestamp: e.timestamp };
      // Rooms, formats and the QR rule: lib/realtime/emit-session-event.ts.
      if (io) emitSessionEvent(io, e, payload);
      for (const subscriber of this.subscribers) subscriber(e);
    }
  }
}
