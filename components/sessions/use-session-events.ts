"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { SessionStatusDetails } from "@/components/sessions/session-types";

/** What the socket has told us about one session since the page loaded; merged over the server's copy. */
export interface LiveSessionState {
  status?: string;
  reason?: string | null;
  /** When the status last changed (ISO). */
  since?: string;
  /** The raw QR string while the session waits for a scan (an image comes from GET /qr). */
  qr?: string | null;
  details?: SessionStatusDetails;
}

export interface SessionLiveEvent {
  /** The event's id in the gateway's event log (the same in GET /api/sessions/[id]/events). */
  id: string | null;
  sessionId: string;
  event: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export type SocketState = "connecting" | "live" | "offline";

type JoinAck = { ok: true; sessionId: string } | { ok: false; error: string };

const RESYNC_DELAY_MS = 150;

/**
 * One Socket.io connection for the page, joined to the room of every session shown. Status changes
 * (`connection.update`, `qr`) update the returned per-session state at once; after each one, and after
 * every (re)join, GET /api/sessions/[id]/status fills in what events do not carry (phone number,
 * profile name, last error, history). Every event of every room also goes to `subscribe`d listeners
 * (the live log).
 */
export function useSessionEvents(sessionIds: string[]) {
  const [sessions, setSessions] = useState<Record<string, LiveSessionState>>({});
  const [socketState, setSocketState] = useState<SocketState>("connecting");
  /** Bumped each time a session's room is (re)joined: the live log reloads its history then. */
  const [joins, setJoins] = useState<Record<string, number>>({});

  const socketRef = useRef<Socket | null>(null);
  const wanted = useRef<Set<string>>(new Set());
  const joined = useRef<Set<string>>(new Set());
  const listeners = useRef(new Set<(event: SessionLiveEvent) => void>());
  // A status fetched before a newer event arrived must not overwrite that event: each session's
  // status events are counted, and a fetch whose count moved meanwhile is dropped.
  const statusEvents = useRef(new Map<string, number>());
  const resyncTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const resyncNow = useCallback(async (sessionId: string) => {
    const before = statusEvents.current.get(sessionId) ?? 0;
    let details: SessionStatusDetails;
    try {
      const res = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/status`, { credentials: "same-origin", cache: "no-store" });
      if (res.status === 404) {
        // Deleted (or no longer visible): stop following it, so its closing events trigger no
        // further status requests.
        wanted.current.delete(sessionId);
        clearTimeout(resyncTimers.current.get(sessionId));
        resyncTimers.current.delete(sessionId);
        return;
      }
      if (!res.ok) return;
      details = (await res.json()) as SessionStatusDetails;
    } catch {
      return;
    }
    if ((statusEvents.current.get(sessionId) ?? 0) !== before) return;
    setSessions((all) => ({
      ...all,
      [sessionId]: {
        ...all[sessionId],
        status: details.status,
        reason: details.reason,
        since: String(details.since),
        qr: details.status === "QR" ? (all[sessionId]?.qr ?? null) : null,
        details,
      },
    }));
  }, []);

  /** Re-reads a session's status soon (coalescing bursts of events into one request). */
  const resync = useCallback(
    (sessionId: string) => {
      const timers = resyncTimers.current;
      clearTimeout(timers.get(sessionId));
      timers.set(
        sessionId,
        setTimeout(() => {
          timers.delete(sessionId);
          void resyncNow(sessionId);
        }, RESYNC_DELAY_MS),
      );
    },
    [resyncNow],
  );

  const join = useCallback(
    (socket: Socket, sessionId: string) => {
      joined.current.add(sessionId);
      socket.emit("join-session", { sessionId }, (ack: JoinAck) => {
        if (!ack?.ok) {
          joined.current.delete(sessionId);
          return;
        }
        setJoins((all) => ({ ...all, [sessionId]: (all[sessionId] ?? 0) + 1 }));
        // Whatever changed before the join is not in the room's events: read it once.
        void resyncNow(sessionId);
      });
    },
    [resyncNow],
  );

  useEffect(() => {
    const socket = io({ path: "/socket.io", withCredentials: true });
    socketRef.current = socket;

    socket.on("connect", () => {
      setSocketState("live");
      joined.current.clear();
      for (const id of wanted.current) join(socket, id);
    });
    socket.on("disconnect", () => {
      joined.current.clear();
      setSocketState("offline");
    });
    socket.on("connect_error", () => setSocketState("offline"));

    socket.onAny((event: string, payload: unknown) => {
      if (!payload || typeof payload !== "object") return;
      const { id, sessionId, timestamp, ...data } = payload as Record<string, unknown>;
      if (typeof sessionId !== "string" || !wanted.current.has(sessionId)) return;
      const at = typeof timestamp === "string" ? timestamp : new Date().toISOString();

      if (event === "connection.update" && typeof data.status === "string") {
        statusEvents.current.set(sessionId, (statusEvents.current.get(sessionId) ?? 0) + 1);
        const status = data.status;
        setSessions((all) => ({
          ...all,
          [sessionId]: {
            ...all[sessionId],
            status,
            reason: typeof data.reason === "string" ? data.reason : null,
            since: at,
            qr: typeof data.qr === "string" ? data.qr : null,
          },
        }));
        resync(sessionId);
      } else if (event === "qr" && typeof data.qr === "string") {
        const qr = data.qr;
        setSessions((all) => ({ ...all, [sessionId]: { ...all[sessionId], qr } }));
      }

      const entry: SessionLiveEvent = { id: typeof id === "string" ? id : null, sessionId, event, timestamp: at, data };
      for (const listener of listeners.current) listener(entry);
    });

    const timers = resyncTimers.current;
    return () => {
      socket.removeAllListeners();
      socket.offAny();
      socket.disconnect();
      socketRef.current = null;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    };
  }, [join, resync]);

  // Join rooms of sessions that appeared (a new card), leave those that went away (a deleted one).
  const key = [...new Set(sessionIds)].sort().join("\n");
  useEffect(() => {
    const next = new Set(key ? key.split("\n") : []);
    wanted.current = next;
    const socket = socketRef.current;
    if (!socket?.connected) return;
    for (const id of next) if (!joined.current.has(id)) join(socket, id);
    for (const id of [...joined.current]) {
      if (next.has(id)) continue;
      joined.current.delete(id);
      socket.emit("leave-session", { sessionId: id });
    }
  }, [key, join]);

  const subscribe = useCallback((listener: (event: SessionLiveEvent) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  return { sessions, socketState, joins, subscribe, resync };
}
