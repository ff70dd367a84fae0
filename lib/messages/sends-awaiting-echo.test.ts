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
  it("a send handed back stays visible to receipts until the worker's write is done, not to the echo", async () => {
    vi.useFakeTimers();
    const waiting = new SendsAwaitingEcho();
    let finish!: () => void;
    const write = new Promise<void>((resolve) => (finish = resolve));
    const a = send("A");
    waiting.expect(a, () => write, 1000);
    vi.advanceTimersByTime(1000);
    expect(waiting.take("A")).toBeUndefined(); // the echo: the worker writes SENT now
    expect(waiting.peek("A")).toBe(a); // a receipt: announces it with the message sendMessage returned
    finish();
    await vi.runAllTimersAsync();
    expect(waiting.peek("A")).toBeUndefined();
  });

  it("an echo whose transaction failed hands its send back the same way", async () => {
    const waiting = new SendsAwaitingEcho();
    let finish!: () => void;
    const write = new Promise<void>((resolve) => (finish = resolve));
    const a = send("A");
    waiting.expect(a, () => write, 60_000);
    const taken = waiting.take("A")!;
    expect(waiting.peek("A")).toBeUndefined();
    taken.fallback(taken.claimed);
    expect(waiting.peek("A")).toBe(a);
    finish();
    await write;
    await Promise.resolve();
    expect(waiting.peek("A")).toBeUndefined();
  });
});
