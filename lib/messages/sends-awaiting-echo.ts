// Our sends that WhatsApp accepted and whose SENT is not written yet, per session (issue 10).
// Baileys echoes each send back as messages.upsert a moment after sendMessage returns, and the
// store writes that echo anyway (the proto, the LIDs, the chat, message.sent): it writes SENT in
// the same transaction, which spares the worker's own SENT transaction. Nothing depends on the echo
// coming: a send whose echo the store has not taken in time, or whose echo's transaction failed, is
// handed back to the worker, which writes SENT itself as it did before.
//
// Crash safety is unchanged: until one of the two writes commits, the message is PENDING under
// its claim, and the claim's expiry after a crash leads to wentOutBeforeCrash (lib/messages/send-queue.ts).
//
// message.sent: recorded by the one write that takes the send out of PENDING, in that write's
// transaction — the echo, the worker's, or a receipt that overtook both (lib/store/store-receipts.ts);
// the others find it moved and stay quiet. Announcing it anywhere else (an echo that came after the
// worker gave up waiting, while the worker's write was still to come) let a crash between the two
// writes leave a message on the phone that no webhook ever heard of.
import type { ClaimedSend } from "@/lib/messages/send-queue";

/** How long a send waits for its echo before the worker writes SENT itself (SEND_ECHO_WAIT_MS). */
export const ECHO_WAIT_MS = 3000;

/** The worker's own SENT write; settled when it is done (or failed). */
type Fallback = (claimed: ClaimedSend) => void | Promise<unknown>;

/** A send the store took from the registry: written with its echo, or handed back on failure. */
export interface TakenSend {
  claimed: ClaimedSend;
  fallback: Fallback;
}

export class SendsAwaitingEcho {
  private readonly waiting = new Map<string, TakenSend & { timer: NodeJS.Timeout }>();
  /**
   * Sends handed back to the worker, until its write is done: a receipt that takes one out of
   * PENDING first announces it with the message sendMessage returned (lib/store/store-receipts.ts).
   */
  private readonly handedBack = new Map<string, ClaimedSend>();

  /** The send went out: its echo writes SENT, or `fallback` does after `waitMs`. */
  expect(claimed: ClaimedSend, fallback: Fallback, waitMs = ECHO_WAIT_MS): void {
    const earlier = this.waiting.get(claimed.keyId);
    if (earlier) clearTimeout(earlier.timer);
    const timer = setTimeout(() => {
      if (this.waiting.get(claimed.keyId)?.claimed !== claimed) return;
      this.waiting.delete(claimed.keyId);
      this.handBack(claimed, fallback);
    }, waitMs);
    timer.unref?.();
    this.waiting.set(claimed.keyId, { claimed, fallback, timer });
  }

  /** The store takes a send whose echo it is writing (undefined: not ours, or already handed back). */
  take(keyId: string): TakenSend | undefined {
    const entry = this.waiting.get(keyId);
    if (!entry) return undefined;
    this.waiting.delete(keyId);
    clearTimeout(entry.timer);
    return { claimed: entry.claimed, fallback: (claimed) => this.handBack(claimed, entry.fallback) };
  }

  /** The send waiting, or handed back and not written yet (a receipt that overtook both writes its send time). */
  peek(keyId: string): ClaimedSend | undefined {
    return this.waiting.get(keyId)?.claimed ?? this.handedBack.get(keyId);
  }

  /** Hands every waiting send to its fallback now (the worker is stopping). */
  flush(): void {
    for (const [keyId, entry] of this.waiting) {
      this.waiting.delete(keyId);
      clearTimeout(entry.timer);
      this.handBack(entry.claimed, entry.fallback);
    }
  }

  private handBack(claimed: ClaimedSend, fallback: Fallback): void {
    this.handedBack.set(claimed.keyId, claimed);
    void Promise.resolve(fallback(claimed)).finally(() => {
      if (this.handedBack.get(claimed.keyId) === claimed) this.handedBack.delete(claimed.keyId);
    });
  }
}
