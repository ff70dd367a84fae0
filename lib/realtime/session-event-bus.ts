// Where a session's events go: Socket.io rooms, a short in-memory history per session (the
// dashboard's live log shows it on open), and any in-process subscribers (webhook delivery,
// tests). Every event carries the public sessionId and a timestamp.
import type { Server } from "socket.io";
import type { SessionEventSink, SessionRef } from "@/lib/whatsapp/managed-session";
import { sessionRoom } from "@/lib/realtime/session-room";

export interface SessionEvent {
  event: string;
  sessionId: string;
  ownerId: string;
  timestamp: string;
  data: Record<string, unknown>;
}

const HISTORY_PER_SESSION = 200;

export class SessionEventBus implements SessionEventSink {
  private readonly history = new Map<string, SessionEvent[]>();
  private readonly subscribers = new Set<(event: SessionEvent) => void>();

  constructor(private readonly io: () => Server | null) {}

  publish(session: SessionRef, event: string, data: Record<string, unknown>): void {
    const entry: SessionEvent = { event, sessionId: session.sessionId, ownerId: session.ownerId, timestamp: new Date().toISOString(), data };
    const list = this.history.get(session.sessionId) ?? [];
    list.push(entry);
    if (list.length > HISTORY_PER_SESSION) list.splice(0, list.length - HISTORY_PER_SESSION);
    this.history.set(session.sessionId, list);
    this.io()?.to(sessionRoom(session.sessionId)).emit(event, { sessionId: session.sessionId, timestamp: entry.timestamp, ...data });
    for (const subscriber of this.subscribers) subscriber(entry);
  }

  recent(sessionId: string): SessionEvent[] {
    return [...(this.history.get(sessionId) ?? [])];
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.subscribers.add(listener);
    return () => this.subscribers.delete(listener);
  }

  forget(sessionId: string): void {
    this.history.delete(sessionId);
  }
}
