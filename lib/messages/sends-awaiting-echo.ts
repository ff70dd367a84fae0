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
// message.sent: announced by whichever of the two writes SENT. When the worker does (its
// markSendsSent builds the event from the message sendMessage returned), the echo may still come;
// it is stored, but not announced a second time: `announcedByWorker` remembers those sends. The
// echo only ever comes to this process, shortly after the send, so memory is the right place.
import type { ClaimedSend } from "@/lib/messages/send-queue";

/** How long a send waits for its echo before the worker writes SENT itself (SEND_ECHO_WAIT_MS). */
export const ECHO_WAIT_MS = 3000;
/** How long the worker's announcement of a send is remembered against a late echo. */
const ANNOUNCED_KEEP_MS = 10 * 60_000;

type Fallback = (claimed: ClaimedSend) => void;

/** A send the store took from the registry: written with its echo, or handed back on failure. */
export interface TakenSend {
  claimed: ClaimedSend;
  fallback: Fallback;
}

export class SendsAwaitingEcho {
  private readonly waiting = new Map<string, TakenSend & { timer: NodeJS.Timeout }>();
  /** Sends whose message.sent the worker recorded, by WhatsApp id, with when (oldest first). */
  private readonly announced = new Map<string, number>();

  /** The send went out: its echo writes SENT, or `fallback` does after `waitMs`. */
  expect(claimed: ClaimedSend, fallback: Fallback, waitMs = ECHO_WAIT_MS): void {
    const earlier = this.waiting.get(claimed.keyId);
    if (earlier) clearTimeout(earlier.timer);
    const timer = setTimeout(() => {
      if (this.waiting.get(claimed.keyId)?.claimed !== claimed) return;
      this.waiting.delete(claimed.keyId);
      fallback(claimed);
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
    return { claimed: entry.claimed, fallback: entry.fallback };
  }

  /** The waiting send, left waiting (a receipt that overtook the echo writes its send time). */
  peek(keyId: string): ClaimedSend | undefined {
    return this.waiting.get(keyId)?.claimed;
  }

  /** The worker records this send's message.sent: a late echo of it must not announce it again. */
  announcedByWorker(keyId: string, now = Date.now()): void {
    // Oldest first (a Map keeps insertion order): forget what no echo can follow any more.
    for (const [id, at] of this.announced) {
      if (now - at < ANNOUNCED_KEEP_MS) break;
      this.announced.delete(id);
    }
    this.announced.delete(keyId);
    this.announced.set(keyId, now);
  }

  /** Whether the worker already announced this send (the echo then stores it silently). */
  wasAnnouncedByWorker(keyId: string): boolean {
    return this.announced.has(keyId);
  }

  /** Hands every waiting send to its fallback now (the worker is stopping). */
  flush(): void {
    for (const [keyId, entry] of this.waiting) {
      this.waiting.delete(keyId);
      clearTimeout(entry.timer);
      entry.fallback(entry.claimed);
    }
  }
}
