"use client";

import { useEffect, useRef, useState } from "react";
import { io } from "socket.io-client";

export type SocketState = "connecting" | "live" | "offline";

type Handler = (data: never) => void;

/**
 * Joins one session's Socket.io room (same origin, the dashboard's cookie) and hands each of its
 * events to `handlers[event]`. `onJoined` runs after every (re)join: events sent while the socket
 * was away are lost, so that is when the caller re-reads what it shows.
 */
export function useSessionSocket(sessionId: string, handlers: Record<string, Handler>, onJoined: () => void): SocketState {
  const [state, setState] = useState<SocketState>("connecting");
  const latest = useRef({ handlers, onJoined });
  useEffect(() => {
    latest.current = { handlers, onJoined };
  });

  useEffect(() => {
    const socket = io({ path: "/socket.io", withCredentials: true });
    const join = () => {
      socket.timeout(10_000).emit("join-session", { sessionId }, (error: Error | null, ack?: { ok: boolean }) => {
        if (error || !ack?.ok) {
          setState("offline");
          return;
        }
        setState("live");
        latest.current.onJoined();
      });
    };
    socket.on("connect", join);
    socket.on("disconnect", () => setState("offline"));
    socket.on("connect_error", () => setState("offline"));
    socket.onAny((event: string, data: { sessionId?: string } | undefined) => {
      if (data?.sessionId && data.sessionId !== sessionId) return;
      const handler = latest.current.handlers[event] as ((data: unknown) => void) | undefined;
      handler?.(data);
    });
    return () => {
      socket.disconnect();
    };
  }, [sessionId]);

  return state;
}
