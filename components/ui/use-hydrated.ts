"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and true once React runs in the browser. Forms submitted by JavaScript
 * keep their submit button disabled until then, so an early click cannot fall back to a native
 * submit that would put the fields (a password!) into the URL.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
