"use client";

import { useCallback, useMemo, useRef, useState } from "react";

/**
 * Where the thread's scroll position goes when its messages change: it follows the newest message
 * while the user is at the bottom (or has just sent or opened the chat), and keeps the messages the
 * user was reading in place when an older page goes in above them.
 */
export interface ScrollAnchor {
  scrollRef: React.RefObject<HTMLDivElement | null>;
  /** The element at the top of the thread: reaching it loads the page before. */
  topRef: React.RefObject<HTMLDivElement | null>;
  onScroll: (event: React.UIEvent<HTMLDivElement>) => void;
  /** The user scrolled up: the "Latest" button shows. */
  awayFromBottom: boolean;
  scrollToBottom: () => void;
  /** The next change goes to the bottom (the first page, a message the user sent). */
  stickToBottom: () => void;
  /** The next change adds above: keep the distance from the bottom as it is now. */
  holdPosition: () => void;
  /** A picture finished loading and made the thread taller. */
  onMediaLoad: () => void;
  /** Re-applies the anchor; the owner of the content calls it in a layout effect after each change. */
  settle: () => void;
}

/**
 * The scroller's state only: it does not hold the messages, so the hook that does (use-thread-messages)
 * tells it before a change (stickToBottom, holdPosition) and calls `settle` before paint after it.
 */
export function useScrollAnchor(): ScrollAnchor {
  const scrollRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const stick = useRef(true);
  const keepFromBottom = useRef<number | null>(null);
  const [awayFromBottom, setAwayFromBottom] = useState(false);

  const scrollToBottom = useCallback(() => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, []);

  const settle = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (keepFromBottom.current !== null) {
      // Older messages went in above: the ones the user was reading stay where they were.
      el.scrollTop = el.scrollHeight - keepFromBottom.current;
      keepFromBottom.current = null;
    } else if (stick.current || atBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
    stick.current = false;
  }, []);

  const onScroll = useCallback((event: React.UIEvent<HTMLDivElement>) => {
    const el = event.currentTarget;
    const near = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    atBottom.current = near;
    setAwayFromBottom(!near);
  }, []);

  const stickToBottom = useCallback(() => {
    stick.current = true;
  }, []);

  const holdPosition = useCallback(() => {
    const el = scrollRef.current;
    if (el) keepFromBottom.current = el.scrollHeight - el.scrollTop;
  }, []);

  const onMediaLoad = useCallback(() => {
    if (atBottom.current) scrollToBottom();
  }, [scrollToBottom]);

  return useMemo(
    () => ({ scrollRef, topRef, onScroll, awayFromBottom, scrollToBottom, stickToBottom, holdPosition, onMediaLoad, settle }),
    [onScroll, awayFromBottom, scrollToBottom, stickToBottom, holdPosition, onMediaLoad, settle],
  );
}
