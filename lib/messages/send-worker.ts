// The send queue's worker: delivers the PENDING messages lib/messages/enqueue-send.ts stored, one at
// a time per session in the order they were accepted, paced per session, through the session's
// Baileys socket. Started once by server.ts and woken by every accepted send. This file is the
// scheduling (lanes, pacing, timeouts); the queue's SQL is lib/messages/send-queue.ts.
//
// Crash safety: a message is claimed by moving its `sendAfter` one short lease into the future (and
// counting the attempt) in one UPDATE … FOR UPDATE SKIP LOCKED (lib/queue/claim-with-lease.ts); the lease is renewed while the send
// is in hand (typing, sending) and replaced by its outcome. A process that dies in between leaves a claim
// that expires within one lease, and the next process sends the message again with the same
// WhatsApp id, which WhatsApp treats as the same message.
import "server-only";
import type { AnyMessageContent } from "@whiskeysockets/baileys";
import type { Logger } from "pino";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/create-prisma-client";
import type { EventOutbox } from "@/lib/events/event-outbox";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { readMediaFile } from "@/lib/media/read-media-file";
import { loadQuotedMessage } from "@/lib/messages/load-quoted-message";
import { PacingState, resolvePacing, sendRetryDelayMs, type PacingDefaults } from "@/lib/messages/pacing";
import {
  claimSend,
  failSends,
  laneSession,
  markSendsSent,
  pendingSessions,
  releaseSend,
  renewSend,
  retrySendLater,
  waitingSends,
  wentOutBeforeCrash,
  type ClaimedSend,
} from "@/lib/messages/send-queue";
import type { StoredSend } from "@/lib/messages/stored-send";
import type { SendQueueWorker } from "@/lib/messages/wake-send-queue";
import type { ClusterCoordinator } from "@/lib/cluster/cluster-coordinator";
import type { ManagedSession } from "@/lib/whatsapp/managed-session";
import type { SessionManager } from "@/lib/whatsapp/session-manager";

export interface SendWorkerDeps {
  db: Db;
  sessions: SessionManager;
  outbox: EventOutbox;
  logger: Logger;
  /** Attempts (claims) before a send is FAILED. */
  maxAttempts: number;
  /** How long an accepted send waits for its session to be connected before it is FAILED. */
  waitForConnectionMs: number;
  pacing: PacingDefaults;
  /** How often the queue is looked at without being woken. */
  pollMs?: number;
  /** How long a claim lasts unless renewed (it is, every third of it, while the send is in hand). */
  leaseMs?: number;
  /** How long one sendMessage may take before it counts as a failed attempt. */
  sendTimeoutMs?: number;
  /** How long a sent message waits for Baileys' echo before the worker writes SENT itself. */
  echoWaitMs?: number;
  readMedia?: typeof readMediaFile;
  /**
   * Several nodes (issue 16): lanes run only for sessions connected here, which means leased here;
   * a session another node holds is that node's to wait for, never failed from here.
   */
  cluster?: Pick<ClusterCoordinator, "heldElsewhere" | "notifyHolder"> | null;
}

type Claimed = ClaimedSend;

type Outcome = "sent" | "retry" | "failed" | "released";
/** `awaitingEcho`: its SENT is written with Baileys' echo of it (lib/messages/sends-awaiting-echo.ts). */
type Attempt = { outcome: "sent"; awaitingEcho?: boolean } | { outcome: "released" } | { outcome: "retry" | "failed"; reason: string };

/** A failure that another attempt cannot fix (missing media, malformed payload). */
class PermanentSendError extends Error {}

const FAILED_NOT_CONNECTED = "session not connected";

const MIN_SCAN_INTERVAL_MS = 50;

/** The cluster topic on which another node tells the holder of a session that a send was queued. */
export const SEND_QUEUE_TOPIC = "send-queue";

export function startSendWorker(deps: SendWorkerDeps): SendQueueWorker {
  const worker = new SendWorker(deps);
  worker.start();
  return worker;
}

/** Sends stored claimed that a lane may hold in memory before it stops taking more (issue 10). */
const MAX_ADOPTED = 16;

class SendWorker implements SendQueueWorker {
  readonly name = "send-queue";
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly sendTimeoutMs: number;
  private readonly echoWaitMs: number | undefined;
  private readonly readMedia: typeof readMediaFile;
  private readonly startedAt = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private scanning: Promise<void> | null = null;
  private lastScanAt = 0;
  private rescan = false;
  private stopped = false;
  /** Bumped by every wake() without a session: every lane that found nothing looks again. */
  private wakes = 0;
  /**
   * Sessions woken while their lane ran (issue 10): only that lane looks again, or starts again
   * if it was ending. A wake-up used to make every lane claim again and every ending lane scan the
   * whole queue — at 20 sends/s over ten sessions, a claim per lane and a scan per send.
   */
  private readonly wokenLanes = new Set<string>();
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly pacing = new Map<string, PacingState>();
  /** When each session was last seen connected (for SEND_WAIT_FOR_CONNECTION_MS). */
  private readonly lastConnectedAt = new Map<string, number>();
  private readonly sleepers = new Set<() => void>();
  /** SENT writes of sends whose echo did not write it (markSentLater); stop() waits for them. */
  private readonly lateWrites = new Set<Promise<unknown>>();
  /** Sessions whose sends may be waiting for their echo (for stop()). */
  private readonly echoingSessions = new Set<ManagedSession>();
  /**
   * Sends stored already claimed, by session, in the order they were accepted, with when they came
   * (issue 10): the lane sends them before it claims anything (lib/messages/wake-send-queue.ts).
   */
  private readonly adopted = new Map<string, Array<{ claimed: Claimed; at: number }>>();

  constructor(private readonly deps: SendWorkerDeps) {
    this.pollMs = deps.pollMs ?? 500;
    this.leaseMs = deps.leaseMs ?? 15_000;
    this.sendTimeoutMs = deps.sendTimeoutMs ?? 30_000;
    this.echoWaitMs = deps.echoWaitMs;
    this.readMedia = deps.readMedia ?? readMediaFile;
  }

  start() {
    this.schedule(0);
  }

  wake(sessionId?: string): void {
    if (this.stopped) return;
    if (!sessionId) this.wakes++;
    // One session's send (issue 10): its running lane is marked (wokenLanes), or a lane is started
    // here — no scan of the whole queue. A session that is not connected is the scan's business.
    if (sessionId) {
      if (this.lanes.has(sessionId)) {
        this.wokenLanes.add(sessionId);
        return;
      }
      const managed = this.deps.sessions.get(sessionId);
      if (managed?.socket) {
        this.lastConnectedAt.set(sessionId, Date.now());
        this.startLane(sessionId, managed);
        return;
      }
      // Several nodes: the session may be connected on another node, whose worker is told now.
      this.deps.cluster?.notifyHolder(SEND_QUEUE_TOPIC, sessionId);
    }
    if (this.scanning) {
      this.rescan = true;
      return;
    }
    this.schedule(this.nextScanDelay());
  }

  /**
   * How many sends accepted now may be stored claimed: as many as the session's lane here could
   * send at once. None unless the session is connected here. With pacing off, up to MAX_ADOPTED
   * held at a time, idle lane or not (they wait only for the sends ahead of them); with pacing on,
   * one, if the lane is idle and pacing lets it send now — the rest wait for their turn unclaimed,
   * as a claim held through the pacing gaps would only run down its lease.
   */
  claimableSends(sessionId: string): { count: number; leaseMs: number } | null {
    if (this.stopped) return null;
    const managed = this.deps.sessions.get(sessionId);
    if (!managed?.socket) return null;
    const held = this.adopted.get(sessionId)?.length ?? 0;
    const settings = resolvePacing(managed.config.pacing, this.deps.pacing);
    if (!settings.enabled) return held < MAX_ADOPTED ? { count: MAX_ADOPTED - held, leaseMs: this.leaseMs } : null;
    if (held > 0 || this.lanes.has(sessionId)) return null;
    const now = Date.now();
    return (this.pacing.get(sessionId)?.nextAllowedAt(now, settings) ?? now) <= now ? { count: 1, leaseMs: this.leaseMs } : null;
  }

  adopt(sessionId: string, sends: Claimed[]): void {
    // A stopping worker leaves them to their lease: due again when it runs out, for the next process.
    if (this.stopped || sends.length === 0) return;
    let queue = this.adopted.get(sessionId);
    if (!queue) this.adopted.set(sessionId, (queue = []));
    const at = Date.now();
    for (const claimed of sends) queue.push({ claimed, at });
    if (this.lanes.has(sessionId)) return; // the running lane takes them before it claims again
    const managed = this.deps.sessions.get(sessionId);
    if (managed?.socket) {
      this.lastConnectedAt.set(sessionId, at);
      this.startLane(sessionId, managed, false);
    } else void this.releaseAdopted(sessionId);
  }

  /** The next adopted send of a session that is still this worker's to send; null when none is. */
  private async takeAdopted(sessionId: string): Promise<Claimed | null> {
    const queue = this.adopted.get(sessionId);
    while (queue?.length) {
      const { claimed, at } = queue.shift()!;
      if (queue.length === 0) this.adopted.delete(sessionId);
      // Held long enough (behind a slow send) that its lease may be running out: renewed first,
      // and dropped if it is no longer held as this attempt (then it is due, and claimed again).
      if (Date.now() - at < this.leaseMs / 3) return claimed;
      const renewed = await renewSend(this.deps.db, claimed, this.leaseMs).catch(() => 0);
      if (renewed > 0) return claimed;
    }
    return null;
  }

  /** Adopted sends the lane will not send (its session went away, the worker stops): due again now. */
  private async releaseAdopted(sessionId: string) {
    const queue = this.adopted.get(sessionId);
    this.adopted.delete(sessionId);
    for (const { claimed } of queue ?? []) {
      await releaseSend(this.deps.db, claimed).catch((error: unknown) =>
        this.deps.logger.warn({ err: error, messageId: claimed.keyId }, "could not give back a send"),
      );
    }
  }

  /** Wake-ups come with every accepted send; running lanes see them, so one scan per 50 ms will do. */
  private nextScanDelay() {
    return Math.max(0, this.lastScanAt + MIN_SCAN_INTERVAL_MS - Date.now());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const wakeUp of this.sleepers) wakeUp();
    // A send in flight finishes (bounded by its timeout); sleeping lanes return at once.
    await Promise.allSettled([this.scanning, ...this.lanes.values()]);
    await Promise.allSettled([...this.adopted.keys()].map((sessionId) => this.releaseAdopted(sessionId)));
    // Sends still waiting for their echo get their SENT written now, by the worker.
    for (const managed of this.echoingSessions) managed.sendsAwaitingEcho.flush();
    await Promise.allSettled([...this.lateWrites]);
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lastScanAt = Date.now();
      this.scanning = this.scan()
        .catch((error: unknown) => this.deps.logger.error({ err: error }, "send queue scan failed"))
        .finally(() => {
          this.scanning = null;
          const again = this.rescan;
          this.rescan = false;
          this.schedule(again ? this.nextScanDelay() : this.pollMs);
        });
    }, ms);
    this.timer.unref?.();
  }

  /** Starts a lane for each connected session with due sends; fails those that waited too long. */
  private async scan() {
    const { db, sessions } = this.deps;
    const groups = await pendingSessions(db);
    const now = Date.now();
    for (const group of groups) {
      const managed = sessions.get(group.sessionId);
      if (managed?.socket) {
        this.lastConnectedAt.set(group.sessionId, now);
        const due = group._min.sendAfter !== null && group._min.sendAfter.getTime() <= now;
        if (due && !this.lanes.has(group.sessionId)) this.startLane(group.sessionId, managed);
        continue;
      }
      const connectedAt = this.lastConnectedAt.get(group.sessionId) ?? this.startedAt;
      const cutoff = now - this.deps.waitForConnectionMs;
      if (connectedAt <= cutoff && group._min.createdAt && group._min.createdAt.getTime() <= cutoff) {
        if (await this.deps.cluster?.heldElsewhere(group.sessionId)) continue;
        await this.failWaiting(group.sessionId, new Date(cutoff));
      }
    }
  }

  /** `claimFirst`: false for a lane started for adopted sends, which claims only if woken. */
  private startLane(sessionId: string, managed: ManagedSession, claimFirst = true) {
    this.wokenLanes.delete(sessionId);
    const seen = { wakes: this.wakes };
    const lane = this.runLane(managed, seen, claimFirst)
      .catch((error: unknown) => this.deps.logger.error({ err: error, sessionId: managed.ref.sessionId }, "send lane failed"))
      .finally(() => {
        this.lanes.delete(sessionId);
        if (this.stopped) return;
        // A send accepted while the lane was writing its last outcomes found the lane still there:
        // its session's lane starts again; a wake-up without a session, the scan looks.
        if (this.wokenLanes.delete(sessionId) && managed.socket) this.startLane(sessionId, managed);
        else if (this.adopted.has(sessionId) && managed.socket) this.startLane(sessionId, managed, false);
        else if (this.wakes !== seen.wakes || !managed.socket) {
          if (this.scanning) this.rescan = true;
          else this.schedule(this.nextScanDelay());
        }
      });
    this.lanes.set(sessionId, lane);
  }

  /** One session's sends, one after the other, paced, until none is due. */
  private async runLane(managed: ManagedSession, seen: { wakes: number }, claimFirst: boolean) {
    const sessionId = managed.ref.id;
    let state = this.pacing.get(sessionId);
    if (!state) this.pacing.set(sessionId, (state = new PacingState()));
    // SENT of a plain send is written with Baileys' echo of it (attempt()); the rest — edits,
    // deletes, sends found sent after a crash — here, behind the sends, several at a time when
    // they come fast: the lane only needs its sends in order, and a send whose SENT write is lost
    // is found sent (or re-sent with its own id) once its claim expires. The lane ends after the
    // last write.
    const sent: Claimed[] = [];
    let writing: Promise<void> | null = null;
    const markSent = (claimed: Claimed) => {
      sent.push(claimed);
      writing ??= (async () => {
        while (sent.length) {
          await markSendsSent(this.deps.db, this.deps.outbox, managed.ref, sent.splice(0)).catch((error: unknown) =>
            this.deps.logger.error({ err: error, sessionId: managed.ref.sessionId }, "could not record sent messages"),
          );
        }
        writing = null;
      })();
    };
    try {
      await this.sendWhileDue(managed, state, markSent, seen, claimFirst);
    } finally {
      while (writing) await writing;
      if (!managed.socket && this.adopted.has(sessionId)) await this.releaseAdopted(sessionId);
    }
  }

  /**
   * `seen.wakes`: the wake-ups without a session that the lane's last claim already saw. Adopted
   * sends go first; a lane claims when it was started to (`claimFirst`), after a claim found a send
   * (there may be more), or when woken since its last claim — not after adopted sends alone: they
   * were stored claimed only while no due send of the session was waiting unclaimed.
   */
  private async sendWhileDue(managed: ManagedSession, state: PacingState, markSent: (claimed: Claimed) => void, seen: { wakes: number }, claimFirst: boolean) {
    const sessionId = managed.ref.id;
    // A send was accepted (or a scan asked) since the lane's last claim.
    const woken = () => this.wakes !== seen.wakes || this.wokenLanes.has(sessionId);
    let mayHaveMore = claimFirst;
    while (!this.stopped && managed.socket) {
      const settings = resolvePacing(managed.config.pacing, this.deps.pacing);
      const wait = state.nextAllowedAt(Date.now(), settings) - Date.now();
      if (wait > 0) {
        // Settings may change while we wait (the session's pacing config): look again after.
        await this.sleep(Math.min(wait, 5000));
        continue;
      }
      let claimed = await this.takeAdopted(sessionId);
      if (!claimed) {
        if (!mayHaveMore && !woken()) return;
        // Whatever was accepted before these lines is committed (a wake-up follows the commit), so
        // the claim sees it; whatever comes after marks the lane again.
        seen.wakes = this.wakes;
        this.wokenLanes.delete(sessionId);
        claimed = await claimSend(this.deps.db, sessionId, this.leaseMs);
        if (!claimed) {
          if (woken() || this.adopted.has(sessionId)) continue; // accepted or adopted while we looked
          return;
        }
        mayHaveMore = true;
      }
      const outcome = await this.deliver(managed, claimed, markSent);
      if (outcome !== "released") state.record(Date.now(), settings);
    }
  }

  /** Delivers a claimed send, renewing its lease until its outcome is written. */
  private async deliver(managed: ManagedSession, claimed: Claimed, markSent: (claimed: Claimed) => void): Promise<Outcome> {
    const { db, logger } = this.deps;
    let renewing: Promise<unknown> = Promise.resolve();
    const timer = setInterval(
      () => {
        renewing = renewing.then(() =>
          renewSend(db, claimed, this.leaseMs).catch((error: unknown) =>
            logger.warn({ err: error, messageId: claimed.keyId }, "could not renew a send's lease"),
          ),
        );
      },
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    let result: Attempt;
    try {
      result = await this.attempt(managed, claimed);
    } finally {
      clearInterval(timer);
      await renewing;
    }
    const ref: SessionRef = managed.ref;
    switch (result.outcome) {
      case "sent":
        if (!result.awaitingEcho) markSent(claimed);
        break;
      case "released":
        await releaseSend(db, claimed);
        break;
      case "failed":
        await failSends(db, this.deps.outbox, ref, [claimed], result.reason);
        break;
      case "retry":
        await retrySendLater(db, claimed, sendRetryDelayMs(claimed.attempts), result.reason);
        break;
    }
    return result.outcome;
  }

  /** Typing, then the send itself; what happened, for deliver() to write down. No writes here. */
  private async attempt(managed: ManagedSession, claimed: Claimed): Promise<Attempt> {
    const { db, logger } = this.deps;
    const payload = claimed.payload;
    // Claimed before, and Baileys already stored the message as ours: it went out before a crash.
    if (claimed.attempts > 1 && (await wentOutBeforeCrash(db, claimed))) return { outcome: "sent" };
    const sock = managed.socket;
    if (!sock) return { outcome: "released" };
    try {
      const content = await this.buildContent(payload);
      const quoted = payload.replyTo ? await loadQuotedMessage(db, managed.ref, payload.replyTo) : undefined;
      if (payload.typingTime) {
        await sock.sendPresenceUpdate(payload.presence ?? "composing", claimed.remoteJid).catch(() => undefined);
        await this.sleep(payload.typingTime);
        if (this.stopped) return { outcome: "released" };
        await sock.sendPresenceUpdate("paused", claimed.remoteJid).catch(() => undefined);
      }
      // Before the call: nothing the recipient answers can arrive before this.
      claimed.sentAt = Date.now();
      const message = await withTimeout(
        // sendOptions: a status post's recipients and text style (lib/status/).
        sock.sendMessage(claimed.remoteJid, content, { messageId: claimed.keyId, ...(quoted ? { quoted } : {}), ...(payload.sendOptions ?? {}) }),
        this.sendTimeoutMs,
      );
      // A plain send's SENT is written in the store's transaction for Baileys' echo of it, which
      // comes a moment later; registered at once, before the echo can reach the store. Edits and
      // deletes carry work of their own in markSendsSent.
      if (payload.op === "edit" || payload.op === "delete") return { outcome: "sent" };
      claimed.message = message ?? undefined;
      this.echoingSessions.add(managed);
      managed.sendsAwaitingEcho.expect(claimed, (c) => this.markSentLater(managed, c), this.echoWaitMs);
      return { outcome: "sent", awaitingEcho: true };
    } catch (error) {
      const reason = reasonOf(error);
      logger.warn({ err: error, sessionId: managed.ref.sessionId, messageId: claimed.keyId, attempt: claimed.attempts }, "send attempt failed");
      const final = error instanceof PermanentSendError || error instanceof AppError || claimed.attempts >= this.deps.maxAttempts;
      return { outcome: final ? "failed" : "retry", reason };
    }
  }

  /** SENT and message.sent for a send whose echo did not write them (late, or its transaction failed). */
  private markSentLater(managed: ManagedSession, claimed: Claimed): Promise<unknown> {
    // In the session's order: one write at a time, each after the echoes that came before it.
    const write: Promise<unknown> = managed
      .inOrder(() =>
        markSendsSent(this.deps.db, this.deps.outbox, managed.ref, [claimed]).catch((error: unknown) =>
          this.deps.logger.error({ err: error, sessionId: managed.ref.sessionId }, "could not record a sent message"),
        ),
      )
      .finally(() => this.lateWrites.delete(write));
    this.lateWrites.add(write);
    return write;
  }

  /** Sends accepted before `cutoff` whose session has not been connected since: FAILED. */
  private async failWaiting(sessionId: string, cutoff: Date) {
    const { db } = this.deps;
    const session = await laneSession(db, sessionId);
    if (!session) return;
    for (;;) {
      const waiting = await waitingSends(db, sessionId, cutoff);
      if (waiting.length === 0) return;
      await failSends(db, this.deps.outbox, session, waiting, FAILED_NOT_CONNECTED);
      this.deps.logger.warn({ sessionId: session.sessionId, failed: waiting.length }, "sends failed: session not connected in time");
    }
  }

  /** The stored content with the media bytes put back in. */
  private async buildContent(payload: StoredSend): Promise<AnyMessageContent> {
    if (!payload || payload.v !== 1 || typeof payload.content !== "object") throw new PermanentSendError("unreadable queued message");
    const content: Record<string, unknown> = { ...payload.content };
    if (payload.mediaField) {
      const ref = content[payload.mediaField] as { mediaId?: string } | undefined;
      if (!ref?.mediaId) throw new PermanentSendError("queued media message has no mediaId");
      const file = await this.readMedia(ref.mediaId);
      content[payload.mediaField] = file.buffer;
      content.mimetype ??= file.mimetype;
    }
    return content as unknown as AnyMessageContent;
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message || "send failed").slice(0, 500);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`WhatsApp did not accept the message within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
