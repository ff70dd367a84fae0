"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { errorMessage } from "@/components/api/request-json";
import { fetchMessages, markChatRead } from "@/components/chat/chat-api";
import { normalizeJid } from "@/components/chat/chat-format";
import type { MessageType, ThreadEvent, ThreadListener, ThreadMessage } from "@/components/chat/chat-types";
import { applyStatus, mergeNewest, mergeOlder } from "@/components/chat/thread-messages";
import type { ScrollAnchor } from "@/components/chat/use-scroll-anchor";

const PAGE = 40;
const MEDIA_TYPES = new Set<MessageType>(["IMAGE", "VIDEO", "AUDIO", "DOCUMENT", "STICKER"]);

export type ThreadPhase = "loading" | "ready" | "error";

export interface ThreadMessages {
  messages: ThreadMessage[];
  phase: ThreadPhase;
  error: string | null;
  /** There are older messages to load. */
  hasOlder: boolean;
  loadingOlder: boolean;
  /** Loads the newest page again (after an error). */
  reload: () => void;
  /** Every change of the list goes through here, so async work always builds on the latest list. */
  update: (change: (current: ThreadMessage[]) => ThreadMessage[]) => void;
  /** Something changed on the server: read the newest page soon (several events give one read). */
  scheduleRefresh: () => void;
}

interface Options {
  sessionId: string;
  jid: string;
  connected: boolean;
  /** The chat view's feed of the session's events. */
  subscribe: (listener: ThreadListener) => () => void;
  scroll: Pick<ScrollAnchor, "scrollRef" | "topRef" | "stickToBottom" | "holdPosition" | "settle">;
}

/** The chat of a thread an event is about, if it names one. */
function chatOf(e: ThreadEvent): string | null {
  if (e.event === "resync") return null;
  const remote = e.data.remoteJid;
  return remote ? normalizeJid(remote) : null;
}

/**
 * One chat's messages: the newest page on open, older pages as the user scrolls up, live changes
 * from the session's Socket.io events, read receipts while the chat is open and visible.
 */
export function useThreadMessages({ sessionId, jid, connected, subscribe, scroll }: Options): ThreadMessages {
  const [messages, setMessages] = useState<ThreadMessage[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [phase, setPhase] = useState<ThreadPhase>("loading");
  const [error, setError] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const messagesRef = useRef<ThreadMessage[]>([]);
  const { stickToBottom, holdPosition, settle, scrollRef, topRef } = scroll;

  const update = useCallback((change: (current: ThreadMessage[]) => ThreadMessage[]) => {
    const next = change(messagesRef.current);
    if (next === messagesRef.current) return;
    messagesRef.current = next;
    setMessages(next);
  }, []);

  // The scroll position follows every change, before the browser paints it.
  useLayoutEffect(settle, [messages, phase, settle]);

  const load = useCallback(async () => {
    setPhase("loading");
    setError(null);
    try {
      const page = await fetchMessages(sessionId, jid, { limit: PAGE });
      stickToBottom();
      update((current) => mergeNewest(current, page.messages, false).messages);
      setCursor(page.nextCursor);
      setPhase("ready");
    } catch (failure) {
      setError(errorMessage(failure));
      setPhase("error");
    }
  }, [sessionId, jid, update, stickToBottom]);

  useEffect(() => {
    void load();
  }, [load]);

  // Socket events say *that* something changed; the newest page says what. One read at a time.
  const refresh = useRef({ timer: null as ReturnType<typeof setTimeout> | null, running: false, again: false });
  const refreshNewest = useCallback(async () => {
    const r = refresh.current;
    if (r.running) {
      r.again = true;
      return;
    }
    r.running = true;
    try {
      const page = await fetchMessages(sessionId, jid, { limit: PAGE });
      let restarted = false;
      update((current) => {
        const merged = mergeNewest(current, page.messages, page.nextCursor !== null);
        restarted = merged.restarted;
        return merged.messages;
      });
      if (restarted) setCursor(page.nextCursor);
    } catch {
      // The next event or the next reconnect reads again.
    } finally {
      r.running = false;
      if (r.again) {
        r.again = false;
        void refreshNewest();
      }
    }
  }, [sessionId, jid, update]);
  const scheduleRefresh = useCallback(() => {
    const r = refresh.current;
    if (r.timer) clearTimeout(r.timer);
    r.timer = setTimeout(() => {
      r.timer = null;
      void refreshNewest();
    }, 120);
  }, [refreshNewest]);

  // Opening the chat reads it: WhatsApp gets read receipts and the unread count goes to zero.
  const connectedRef = useRef(connected);
  useEffect(() => {
    connectedRef.current = connected;
  }, [connected]);
  const readTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const markReadSoon = useCallback(() => {
    if (readTimer.current) clearTimeout(readTimer.current);
    readTimer.current = setTimeout(() => {
      if (connectedRef.current && document.visibilityState === "visible") markChatRead(sessionId, jid).catch(() => {});
    }, 500);
  }, [sessionId, jid]);
  useEffect(() => {
    if (!connected) return;
    markReadSoon();
    // What arrived while the tab was in the background is read when the user comes back to it.
    const onVisible = () => document.visibilityState === "visible" && markReadSoon();
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [connected, markReadSoon]);

  useEffect(
    () =>
      subscribe((e) => {
        if (e.event === "resync") return void refreshNewest();
        if (chatOf(e) !== jid) return;
        if (e.event === "message.update") {
          const { messageId, status, reason } = e.data;
          // An update without a status is an edit: the refresh shows the new text.
          if (status && messagesRef.current.some((m) => m.keyId === messageId)) update((current) => applyStatus(current, messageId, status, reason));
          else scheduleRefresh();
          return;
        }
        if (e.event === "message") markReadSoon();
        scheduleRefresh();
      }),
    [subscribe, jid, update, scheduleRefresh, refreshNewest, markReadSoon],
  );

  // Incoming media is saved after its message is stored, without an event of its own: a recent
  // media message without a file is read again a few times.
  const mediaChecks = useRef(new Map<string, number>());
  useEffect(() => {
    const checks = mediaChecks.current;
    const waiting = messages.filter(
      (m) =>
        !m.fromMe && MEDIA_TYPES.has(m.type) && !m.mediaUrl && !m.revokedAt && Date.now() - Date.parse(m.timestamp) < 120_000 && (checks.get(m.keyId) ?? 0) < 5,
    );
    if (waiting.length === 0) return;
    const timer = setTimeout(() => {
      for (const m of waiting) checks.set(m.keyId, (checks.get(m.keyId) ?? 0) + 1);
      void refreshNewest();
    }, 2_500);
    return () => clearTimeout(timer);
  }, [messages, refreshNewest]);

  useEffect(() => {
    const r = refresh.current;
    return () => {
      if (r.timer) clearTimeout(r.timer);
      if (readTimer.current) clearTimeout(readTimer.current);
    };
  }, []);

  const loadOlder = useCallback(async () => {
    if (!cursor || loadingOlder) return;
    setLoadingOlder(true);
    try {
      const page = await fetchMessages(sessionId, jid, { cursor, limit: PAGE });
      holdPosition();
      update((current) => mergeOlder(current, page.messages));
      setCursor(page.nextCursor);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setLoadingOlder(false);
    }
  }, [cursor, loadingOlder, sessionId, jid, update, holdPosition]);

  // Reaching the top of the thread loads the page before it.
  useEffect(() => {
    const root = scrollRef.current;
    const top = topRef.current;
    if (!root || !top || phase !== "ready" || !cursor || loadingOlder) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && void loadOlder(), {
      root,
      rootMargin: "200px 0px 0px 0px",
    });
    observer.observe(top);
    return () => observer.disconnect();
  }, [phase, cursor, loadingOlder, loadOlder, scrollRef, topRef]);

  const reload = useCallback(() => void load(), [load]);

  return { messages, phase, error, hasOlder: cursor !== null, loadingOlder, reload, update, scheduleRefresh };
}
