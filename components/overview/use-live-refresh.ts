"use client";

import { useEffect, useRef } from "react";
import { io } from "socket.io-client";

/** Events after which the overview's figures may have changed. */
const RELEVANT = new Set(["message", "message.sent", "message.update", "connection.update", "logged.out"]);

/**
 * Joins the Socket.io rooms of the given sessions (the server checks each join like the REST API
 * does) and calls `refresh` — at most every `quietMs` — when one of them reports a message or a
 * connection change, and after every (re)connect, since events sent while away are lost.
 */
export function useLiveRefresh(sessionIds: readonly string[], refresh: () => void, quietMs = 400) {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });
  const key = [...sessionIds].sort().join(",");

  useEffect(() => {
    const ids = key ? key.split(",") : [];
    if (ids.length === 0) return;
    const socket = io({ path: "/socket.io", withCredentials: true });
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        latest.current();
      }, quietMs);
    };
    socket.on("connect", () => {
      for (const sessionId of ids) socket.emit("join-session", { sessionId });
      schedule();
    });
    socket.onAny((event: string) => {
      if (RELEVANT.has(event)) schedule();
    });
    return () => {
      if (timer) clearTimeout(timer);
      socket.disconnect();
    };
  }, [key, quietMs]);
}
