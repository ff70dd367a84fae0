"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** Where the user's choice is remembered, per browser (the browser's own permission is per site). */
export const NOTIFICATIONS_STORAGE_KEY = "wagate.chat.notifications";

/**
 * unsupported: the browser has no Notification API (or the page is not a secure context);
 * off: not chosen (or turned off); on: chosen and allowed; blocked: the browser said no.
 */
export type NotificationState = "unsupported" | "off" | "on" | "blocked";

export interface MessageNotifications {
  state: NotificationState;
  /** Turns notifications on (asking the browser's permission the first time) or off. */
  toggle: () => void;
  /** Shows a notification, only when they are on and the tab is hidden; a click brings the tab back. */
  notify: (notice: { title: string; body: string; tag: string; onClick?: () => void }) => void;
}

function currentState(): NotificationState {
  if (typeof window === "undefined" || !("Notification" in window)) return "unsupported";
  if (Notification.permission === "denied") return "blocked";
  const chosen = window.localStorage.getItem(NOTIFICATIONS_STORAGE_KEY) === "on";
  return chosen && Notification.permission === "granted" ? "on" : "off";
}

/**
 * Optional browser notifications for incoming messages while the tab is in the background. The
 * permission is asked only when the user presses the button, never on load: browsers penalise sites
 * that ask unprompted, and most users refuse a prompt they did not ask for.
 */
export function useMessageNotifications(): MessageNotifications {
  // "unsupported" until mounted: the server render must match the first client render.
  const [state, setState] = useState<NotificationState>("unsupported");
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  useEffect(() => {
    setState(currentState());
  }, []);

  const toggle = useCallback(() => {
    if (stateRef.current === "on") {
      window.localStorage.setItem(NOTIFICATIONS_STORAGE_KEY, "off");
      setState("off");
      return;
    }
    if (!("Notification" in window)) return;
    void Promise.resolve(Notification.permission === "granted" ? "granted" : Notification.requestPermission()).then((permission) => {
      if (permission === "granted") {
        window.localStorage.setItem(NOTIFICATIONS_STORAGE_KEY, "on");
        setState("on");
      } else {
        setState(permission === "denied" ? "blocked" : "off");
      }
    });
  }, []);

  const notify = useCallback<MessageNotifications["notify"]>(({ title, body, tag, onClick }) => {
    if (stateRef.current !== "on" || document.visibilityState !== "hidden") return;
    try {
      const notification = new Notification(title, { body, tag });
      notification.onclick = () => {
        window.focus();
        onClick?.();
        notification.close();
      };
    } catch {
      // Some browsers (Chrome on Android) allow notifications only from a service worker: none then.
    }
  }, []);

  return { state, toggle, notify };
}
