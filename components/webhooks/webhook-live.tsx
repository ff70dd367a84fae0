"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState } from "react";
import { io } from "socket.io-client";

interface DeliveryAttempt {
  webhookId: string;
  deliveryId: string;
  status: string;
}

type Listener = (attempt: DeliveryAttempt) => void;

const LiveContext = createContext<{ subscribe(listener: Listener): () => void }>({ subscribe: () => () => {} });

/**
 * One Socket.io connection for the webhook page: the server puts webhook managers in their tenant's
 * room, where each recorded delivery attempt is announced (`webhook.delivery`). The page's counters
 * (server-rendered) are refreshed, at most every `quietMs`, and open delivery logs reload their rows.
 */
export function WebhookLiveProvider({ children, quietMs = 500 }: { children: React.ReactNode; quietMs?: number }) {
  const router = useRouter();
  const [listeners] = useState(() => new Set<Listener>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const socket = io({ path: "/socket.io", withCredentials: true });
    socket.on("webhook.delivery", (attempt: DeliveryAttempt) => {
      for (const listener of listeners) listener(attempt);
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        router.refresh();
      }, quietMs);
    });
    // Attempts made while the socket was away are not replayed: re-read once on every (re)connect.
    let reconnect = false;
    socket.on("connect", () => {
      if (reconnect) router.refresh();
      reconnect = true;
    });
    return () => {
      if (timer.current) clearTimeout(timer.current);
      socket.disconnect();
    };
  }, [listeners, quietMs, router]);

  const [value] = useState(() => ({
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  }));
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** Calls `onAttempt` for each recorded attempt of this webhook. */
export function useWebhookAttempts(webhookId: string, onAttempt: () => void) {
  const { subscribe } = useContext(LiveContext);
  const latest = useRef(onAttempt);
  useEffect(() => {
    latest.current = onAttempt;
  });
  useEffect(() => subscribe((attempt) => attempt.webhookId === webhookId && latest.current()), [subscribe, webhookId]);
}
