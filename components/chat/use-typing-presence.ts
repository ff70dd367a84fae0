"use client";

import { useCallback, useEffect, useRef } from "react";
import { sendPresence } from "@/components/chat/chat-api";

/** While the user keeps typing, "composing" is repeated at most this often. */
const REPEAT_MS = 5_000;
/** A pause this long in typing ends it. */
const IDLE_MS = 3_000;

/**
 * Shows the contact that the user is typing: "composing" when typing starts (then at most every
 * few seconds), "paused" after a pause, on send or on leaving the chat. Presence is best effort:
 * a failure (the session is offline) is not worth telling the user about.
 */
export function useTypingPresence(sessionId: string, jid: string, enabled: boolean): (typing: boolean) => void {
  const state = useRef({ active: false, lastSent: 0, idle: null as ReturnType<typeof setTimeout> | null });
  const enabledRef = useRef(enabled);
  useEffect(() => {
    enabledRef.current = enabled;
  }, [enabled]);

  const pause = useCallback(() => {
    const s = state.current;
    if (s.idle) clearTimeout(s.idle);
    s.idle = null;
    if (!s.active) return;
    s.active = false;
    s.lastSent = 0;
    if (enabledRef.current) sendPresence(sessionId, jid, "paused").catch(() => {});
  }, [sessionId, jid]);

  useEffect(() => pause, [pause]);

  return useCallback(
    (typing: boolean) => {
      if (!typing) return pause();
      const s = state.current;
      if (s.idle) clearTimeout(s.idle);
      s.idle = setTimeout(pause, IDLE_MS);
      const now = Date.now();
      if (s.active && now - s.lastSent < REPEAT_MS) return;
      s.active = true;
      s.lastSent = now;
      if (enabledRef.current) sendPresence(sessionId, jid, "composing").catch(() => {});
    },
    [sessionId, jid, pause],
  );
}
