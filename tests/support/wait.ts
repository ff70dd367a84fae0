// The one way tests wait for something that happens asynchronously: poll until it holds, or fail
// after a deadline naming what was awaited and the last thing seen. Never a fixed delay.

/**
 * Polls `probe` until `ok(value)` holds and returns that value. A probe that throws counts as "not
 * yet" (a request may fail while a gateway restarts); the last error or value is in the timeout's message.
 */
export async function until<T>(
  probe: () => T | Promise<T>,
  ok: (value: T) => boolean,
  what: string | (() => string),
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (ok(value)) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const seen = last instanceof Error ? last.message : JSON.stringify(last)?.slice(0, 800);
      throw new Error(`timed out waiting for ${typeof what === "function" ? what() : what} (last: ${seen})`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Polls `probe` until it returns something (not undefined, null or false) and returns it. */
export function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  return until(probe, (value) => value !== undefined && value !== null && value !== false, what, timeoutMs) as Promise<T>;
}
