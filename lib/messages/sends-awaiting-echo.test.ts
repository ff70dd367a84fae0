import { afterEach, describe, expect, it, vi } from "vitest";
import type { ClaimedSend } from "@/lib/messages/send-queue";
import { SendsAwaitingEcho } from "@/lib/messages/sends-awaiting-echo";

const send = (keyId: string): ClaimedSend => ({
  id: `row-${keyId}`,
  sessionId: "s1",
  keyId,
  remoteJid: "1@s.whatsapp.net",
  payload: { v: 1, op: "send", content: {} },
  attempts: 1,
});

describe("SendsAwaitingEcho", () => {
  afterEach(() => vi.useRealTimers());

  it("hands a send to the store that takes its echo in time; the worker's fallback never runs", () => {
    vi.useFakeTimers();
    const waiting = new SendsAwaitingEcho();
    const fallback = vi.fn();
    const a = send("A");
    waiting.expect(a, fallback, 1000);
    expect(waiting.take("B")).toBeUndefined();
    expect(waiting.peek("A")).toBe(a); // a receipt looks, the send stays for its echo
    expect(waiting.take("A")?.claimed).toBe(a);
    expect(waiting.peek("A")).toBeUndefined();
    expect(waiting.take("A")).toBeUndefined(); // taken once
    vi.advanceTimersByTime(5000);
    expect(fallback).not.toHaveBeenCalled();
  });

  it("gives a send whose echo did not come in time back to the worker, once; a late echo finds nothing", () => {
    vi.useFakeTimers();
    const waiting = new SendsAwaitingEcho();
    const fallback = vi.fn();
    waiting.expect(send("A"), fallback, 1000);
    vi.advanceTimersByTime(999);
    expect(fallback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fallback).toHaveBeenCalledTimes(1);
    expect(waiting.take("A")).toBeUndefined();
    vi.advanceTimersByTime(5000);
    expect(fallback).toHaveBeenCalledTimes(1);
  });

  it("flush hands every waiting send to its fallback at once (the worker stops)", () => {
    vi.useFakeTimers();
    const waiting = new SendsAwaitingEcho();
    const fallback = vi.fn();
    waiting.expect(send("A"), fallback, 1000);
    waiting.expect(send("B"), fallback, 1000);
    waiting.flush();
    expect(fallback.mock.calls.map(([c]) => (c as ClaimedSend).keyId)).toEqual(["A", "B"]);
    vi.advanceTimersByTime(5000);
    expect(fallback).toHaveBeenCalledTimes(2);
  });

  it("a send attempted again replaces its earlier entry (one fallback, for the newer claim)", () => {
    vi.useFakeTimers();
    const waiting = new SendsAwaitingEcho();
    const fallback = vi.fn();
    const first = send("A");
    const again = { ...send("A"), attempts: 2 };
    waiting.expect(first, fallback, 1000);
    waiting.expect(again, fallback, 1000);
    vi.advanceTimersByTime(1000);
    expect(fallback).toHaveBeenCalledTimes(1);
    expect(fallback).toHaveBeenCalledWith(again);
  });

  it("remembers the sends the worker announced, for ten minutes, so a late echo is not announced again", () => {
    const waiting = new SendsAwaitingEcho();
    const t0 = 1_000_000;
    waiting.announcedByWorker("A", t0);
    waiting.announcedByWorker("B", t0 + 5 * 60_000);
    expect(waiting.wasAnnouncedByWorker("A")).toBe(true);
    expect(waiting.wasAnnouncedByWorker("C")).toBe(false);
    // A later announcement forgets what is older than ten minutes, and only that.
    waiting.announcedByWorker("C", t0 + 10 * 60_000 + 1);
    expect(waiting.wasAnnouncedByWorker("A")).toBe(false);
    expect(waiting.wasAnnouncedByWorker("B")).toBe(true);
    expect(waiting.wasAnnouncedByWorker("C")).toBe(true);
  });
});
