import "server-only";
// How the accepting side (a send request) tells the send worker about what it stored: a send stored
// already claimed is handed to its session's lane, in order; the others wake the lane, which claims
// them (issue 10: a send whose lane can take it at once saves the claim's statement).
import type { ClaimAtBirth, QueuedSend } from "@/lib/messages/store-accepted-sends";
import type { ClaimedSend } from "@/lib/messages/send-queue";
import { getRuntime, type Worker } from "@/lib/server/runtime";

/** What the send worker offers the accepting side (lib/messages/send-worker.ts). */
export interface SendQueueWorker extends Worker {
  /**
   * How many sends of this session stored now its lane here could take at once, and the lease to
   * store them with; null when none.
   */
  claimableSends(sessionId: string): { count: number; leaseMs: number } | null;
  /** Sends stored claimed: its lane sends them, in this order, before it claims anything. */
  adopt(sessionId: string, sends: ClaimedSend[]): void;
}

function sendQueueWorker(): SendQueueWorker | undefined {
  return getRuntime().workers.find((w): w is SendQueueWorker => w.name === "send-queue");
}

/** Which of these sessions' sends may be stored claimed, how many, and for how long; undefined: none. */
export function claimAtBirthFor(sessionIds: Iterable<string>): ClaimAtBirth | undefined {
  const worker = sendQueueWorker();
  if (!worker) return undefined;
  let leaseMs = 0;
  const sessions = new Map<string, number>();
  for (const sessionId of sessionIds) {
    const claimable = worker.claimableSends(sessionId);
    if (!claimable) continue;
    leaseMs = claimable.leaseMs;
    sessions.set(sessionId, claimable.count);
  }
  return sessions.size ? { leaseMs, sessions } : undefined;
}

/** After the commit: claimed sends go to their lane, in order; a session with others is woken once. */
export function handToSendQueue(stored: Array<{ sessionId: string; queued: QueuedSend }>): void {
  const worker = sendQueueWorker();
  if (!worker) return;
  const claimed = new Map<string, ClaimedSend[]>();
  const woken = new Set<string>();
  for (const { sessionId, queued } of stored) {
    if (queued.claimed) {
      let list = claimed.get(sessionId);
      if (!list) claimed.set(sessionId, (list = []));
      list.push(queued.claimed);
    } else woken.add(sessionId);
  }
  for (const [sessionId, sends] of claimed) worker.adopt(sessionId, sends);
  for (const sessionId of woken) worker.wake(sessionId);
}
