import "server-only";
// Delivers the outbox's webhook deliveries. Every process may run one; they share the work through
// the database:
//
// - A webhook's deliveries go out one at a time, in the order of events (`events.seq`): only the
//   earliest undelivered delivery of a webhook (its "head") may be claimed, and only when it is due.
//   A delivery being retried therefore holds back the later ones of its webhook; once it is DEAD
//   (attempts exhausted or rejected) the next one becomes the head and delivery goes on. A receiver that is
//   down therefore gets its events in order once it is back, and a slow one holds up nobody else:
//   up to WEBHOOK_CONCURRENCY webhooks are served at once, each by its own chain.
// - Claiming is one UPDATE over `SELECT … FOR UPDATE SKIP LOCKED` that moves the head's
//   nextAttemptAt forward by a lease (lib/queue/claim-with-lease.ts). Nothing else marks it taken, so a delivery claimed by a
//   process that dies is simply due again once the lease runs out: at-least-once, never lost.
// - Attempts are logged (WebhookAttempt) and their deliveries moved on by one statement after the
//   HTTP exchanges — no network I/O inside a transaction. While WEBHOOK_CONCURRENCY has room, that
//   statement also claims the webhook's next deliveries (a chain per webhook, launch()), and it runs
//   beside the next attempt, so a busy webhook waits for neither and costs less than a statement
//   per delivery.
// This file is the scheduling; the queue's SQL is lib/webhooks/delivery-queue.ts, and the events'
// retention is lib/events/start-event-pruner.ts.
// - Times are the database's clock, in UTC like every timestamp Prisma writes, so that processes on
//   machines whose clocks disagree still agree on what is due.
import type { Logger } from "pino";
import { loadClevioWebhookMedia } from "@/lib/compat/clevio/load-clevio-webhook-media";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/create-prisma-client";
import { env } from "@/lib/env";
import type { RecordedEvent } from "@/lib/events/event-outbox";
import { gatewayMetrics } from "@/lib/metrics/gateway-metrics";
import { safeFetch, type SafeFetchOptions, type SafeFetchResult } from "@/lib/net/safe-fetch";
import type { Worker } from "@/lib/server/runtime";
import { claimDueDeliveries, releaseDeliveries, settleDeliveries, type Claimed, type Settlement } from "@/lib/webhooks/delivery-queue";
import { buildWebhookRequest } from "@/lib/webhooks/build-webhook-request";
import { parseWebhookReply, replyTargetOf, type WebhookReply } from "@/lib/webhooks/parse-webhook-reply";
import { nextDeliveryState } from "@/lib/webhooks/retry-policy";
import { sendWebhookReply } from "@/lib/webhooks/send-webhook-reply";
import { openWebhookSecret } from "@/lib/webhooks/webhook-secret-box";
import { WEBHOOK_TEST_EVENT } from "@/lib/webhooks/webhook-test-event";
import type { WebhookFormat, WebhookOrigin } from "@/lib/webhooks/webhooks.schema";

export interface WebhookWorkerOptions {
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  concurrency: number;
  allowPrivate: boolean;
  /** Largest media a reply may carry (decoded). */
  maxReplyMediaBytes: number;
  /** How often the database is asked for due deliveries when nothing woke the worker. */
  pollMs: number;
}

export interface ReplyRequest {
  ownerId: string;
  /** The session's internal id and public id. */
  sessionDbId: string;
  sessionId: string;
  /** The sender the reply goes to. */
  jid: string;
  reply: Exclude<WebhookReply, { kind: "none" } | { kind: "invalid" }>;
  /** Makes the reply idempotent: a delivery that is retried after a crash does not answer twice. */
  deliveryId: string;
  /** The message being answered (quoted when the send queue supports it). */
  messageId: string | null;
}

export interface WebhookWorkerDeps {
  db: Db;
  outbox: { subscribe(listener: (event: RecordedEvent) => void): () => void };
  logger: Logger;
  options?: Partial<WebhookWorkerOptions>;
  /** Sends a webhook's reply; the send queue (lib/webhooks/send-webhook-reply.ts) by default. */
  sendReply?: (request: ReplyRequest) => Promise<void>;
  /** The HTTP client (tests inject faults); safeFetch by default. */
  fetch?: (url: string, options: SafeFetchOptions) => Promise<SafeFetchResult>;
  /** Told after each recorded attempt (the dashboard's live delivery log); must not throw. */
  onAttempt?: (attempt: { ownerId: string; webhookId: string; deliveryId: string; status: string }) => void;
}

/** Characters of the receiver's answer kept in the delivery log. */
export const SNIPPET_CHARS = 500;
/**
 * How many deliveries a webhook's chain holds claimed ahead of its attempts (launch()): enough that
 * the attempts never wait for a recording, few enough that a stopping or failing chain gives back
 * little.
 */
const CHAIN_AHEAD = 16;
/** Answers larger than this are not read (a reply-enabled message delivery may carry media). */
const MAX_ANSWER_BYTES = 1024 * 1024;

function defaultOptions(): WebhookWorkerOptions {
  return {
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
    retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
    concurrency: env.WEBHOOK_CONCURRENCY,
    allowPrivate: env.ALLOW_PRIVATE_NETWORK_URLS,
    maxReplyMediaBytes: env.MEDIA_MAX_BYTES,
    pollMs: Math.min(1000, Math.max(50, Math.floor(env.WEBHOOK_RETRY_BASE_MS / 2))),
  };
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^url: /, "").slice(0, 1000);
}

export function startWebhookWorker(deps: WebhookWorkerDeps): Worker {
  const options = { ...defaultOptions(), ...deps.options };
  const { db, logger } = deps;
  const doFetch = deps.fetch ?? safeFetch;
  const sendReply = deps.sendReply ?? sendWebhookReply;
  // Long enough for the request, reading the answer and recording it; a claim of a dead process
  // becomes due again after this.
  const leaseMs = options.timeoutMs * 2 + 5000;
  const inFlight = new Map<string, Promise<void>>();
  let stopped = false;
  let ticking = false;
  let again = false;
  let pollTimer: NodeJS.Timeout | null = null;

  /** One attempt: the HTTP exchange (and the reply it asked for), to be recorded by its chain. */
  async function attempt(delivery: Claimed): Promise<Settlement> {
    const webhook = { id: delivery.webhookId, url: delivery.url, origin: delivery.origin, replyEnabled: delivery.replyEnabled };
    const event = {
      id: delivery.eventId,
      event: delivery.event,
      payload: delivery.payload,
      session: { id: delivery.sessionDbId, sessionId: delivery.sessionId },
    };
    const attemptNo = delivery.attempts + 1;
    let secret: string | null = null;
    try {
      secret = openWebhookSecret(webhook.id, delivery.secret === null ? null : Buffer.from(delivery.secret, "base64"));
    } catch (error) {
      logger.error({ err: error, webhookId: webhook.id }, "webhook secret cannot be opened (APP_SECRET changed?); sending unsigned");
    }
    // Clevio's payload inlines an incoming file (base64); other formats link to it instead.
    const media = delivery.format === "clevio" ? await loadClevioWebhookMedia(db, env.DATA_DIR, delivery.sessionDbId, event.payload).catch(() => null) : null;
    const request = buildWebhookRequest({
      eventId: event.id,
      seq: delivery.seq,
      event: event.event,
      sessionId: delivery.sessionId,
      createdAt: delivery.eventCreatedAt,
      metadata: delivery.metadata,
      data: event.payload,
      origin: webhook.origin as WebhookOrigin,
      format: delivery.format as WebhookFormat,
      phoneNumber: delivery.phoneNumber,
      media,
      secret,
      deliveryId: delivery.id,
      attempt: attemptNo,
      now: new Date(),
    });
    const replyTo = webhook.replyEnabled ? replyTargetOf(event.event, event.payload) : null;
    const maxBytes = replyTo ? Math.max(MAX_ANSWER_BYTES, Math.ceil((options.maxReplyMediaBytes * 4) / 3) + 64 * 1024) : MAX_ANSWER_BYTES;

    const started = performance.now();
    let statusCode: number | null = null;
    let answer: SafeFetchResult | null = null;
    let error: string | null = null;
    let tooLarge = false;
    try {
      answer = await doFetch(webhook.url, {
        method: "POST",
        headers: request.headers,
        body: request.body,
        timeoutMs: options.timeoutMs,
        maxBytes,
        allowPrivate: options.allowPrivate,
        maxRedirects: 3,
      });
      statusCode = answer.status;
    } catch (e) {
      error = errorText(e);
      tooLarge = e instanceof AppError && e.code === "PAYLOAD_TOO_LARGE";
    }
    const latencyMs = Math.round(performance.now() - started);
    // A test send is aimed at a URL the user just typed: its answer's text is not kept (else the
    // test endpoint would read any service the URL reaches), only its size. Deliveries keep the
    // start of the receiver's own answer for the log.
    const snippet =
      answer && answer.body.length && event.event !== WEBHOOK_TEST_EVENT
        ? answer.body
            .subarray(0, SNIPPET_CHARS * 4)
            .toString("utf8")
            .slice(0, SNIPPET_CHARS)
        : null;
    const responseBytes = answer ? answer.body.length : null;
    // An answer too large to read would be as large next time: not worth a retry (replayable).
    const next = tooLarge
      ? ({ status: "DEAD", reason: "rejected" } as const)
      : nextDeliveryState(attemptNo, statusCode, { baseMs: options.retryBaseMs, maxAttempts: options.maxAttempts });
    if (!error && next.status !== "DELIVERED") error = statusCode !== null ? `HTTP ${statusCode}` : "no answer";

    if (next.status === "DELIVERED" && replyTo && answer) {
      const replyError = await reply(answer, replyTo, delivery.ownerId, event, delivery.id);
      if (replyError) error = `reply not sent: ${replyError}`;
    }

    const retryInMs = next.status === "FAILED" ? next.retryInMs : 0;
    return { delivery, outcome: { statusCode, latencyMs, snippet, responseBytes, error, status: next.status, attempt: attemptNo, retryInMs } };
  }

  /** After a recording: the metrics, the log line of a dead delivery, the dashboard's live log. */
  function recorded({ delivery, outcome }: Settlement) {
    gatewayMetrics()?.webhookDeliveries.inc({ result: outcome.status });
    gatewayMetrics()?.webhookLatency.observe({ result: outcome.status }, outcome.latencyMs / 1000);
    if (outcome.status === "DEAD")
      logger.warn(
        { webhookId: delivery.webhookId, deliveryId: delivery.id, attempts: outcome.attempt, statusCode: outcome.statusCode, error: outcome.error },
        "webhook delivery is dead",
      );
    deps.onAttempt?.({ ownerId: delivery.ownerId, webhookId: delivery.webhookId, deliveryId: delivery.id, status: outcome.status });
  }

  /** Sends what a reply-enabled webhook answered; returns why not when it could not. */
  async function reply(
    answer: SafeFetchResult,
    jid: string,
    ownerId: string,
    event: { payload: unknown; session: { id: string; sessionId: string } },
    deliveryId: string,
  ): Promise<string | null> {
    const contentType = String(answer.headers["content-type"] ?? "");
    const parsed = parseWebhookReply(answer.body, contentType, options.maxReplyMediaBytes);
    if (parsed.kind === "none") return null;
    if (parsed.kind === "invalid") return parsed.reason;
    const messageId = (event.payload as { id?: unknown }).id;
    try {
      await sendReply({
        ownerId,
        sessionDbId: event.session.id,
        sessionId: event.session.sessionId,
        jid,
        reply: parsed,
        deliveryId,
        messageId: typeof messageId === "string" ? messageId : null,
      });
      return null;
    } catch (error) {
      logger.warn({ err: error, deliveryId }, "webhook reply could not be queued");
      return errorText(error);
    }
  }

  /**
   * A webhook's chain: its claimed delivery, then the next ones in the order of events, holding one
   * place of WEBHOOK_CONCURRENCY until none is due. Attempts go out one at a time, each after the
   * last one's answer; their recording runs beside them (issue 10): while attempt n+1 is under way,
   * one statement records attempt n (and any others finished meanwhile), renews the leases of the
   * deliveries the chain holds and claims the next ones, up to CHAIN_AHEAD held at once. A receiver
   * that answers quickly therefore waits for neither the database nor a claim.
   *
   * An attempt therefore goes out before the one before it is recorded. A crash leaves the attempts
   * made since the last recording leased and unrecorded: they are attempted again, in order, once
   * their leases run out — at least once, as before; what a crash repeats is what went out during
   * one recording. A FAILED attempt (to be retried) ends the chain: what it holds is given back,
   * behind the head that waits for its retry.
   */
  function launch(claimed: Claimed) {
    /** Claimed and not yet attempted, in the order of events. */
    const ahead: Claimed[] = [claimed];
    /** The delivery being attempted: held too, though no longer in `ahead`. */
    let inHand: Claimed | null = null;
    /** When each delivery held was claimed or its lease last renewed. */
    const leasedAt = new Map<string, number>([[claimed.id, Date.now()]]);
    /** Attempted and not yet recorded. */
    const finished: Settlement[] = [];
    let recording: Promise<void> | null = null;
    /** No further attempt: one FAILED, threw, or could not be recorded, or the webhook was switched off. */
    let halted = false;
    /** A recording failed: later attempts are not recorded either, so that they go again after it, not before. */
    let unrecorded = false;

    const record = () => {
      if (recording || unrecorded || finished.length === 0) return;
      recording = (async () => {
        while (finished.length && !unrecorded) {
          const batch = finished.splice(0);
          // FAILED holds the webhook back; with every place of WEBHOOK_CONCURRENCY taken, the chain
          // winds down so that the next claim serves the webhooks in the order they became due.
          const goOn = !stopped && !halted && !batch.some((s) => s.outcome.status === "FAILED") && inFlight.size < options.concurrency;
          const startedAt = Date.now();
          // Left out, the delivery in hand would be the next one's claim's first candidate, leased
          // and so not due: the claim would stop before it and give back all it took.
          const holding = inHand ? [inHand, ...ahead] : ahead;
          const renew = holding.filter((d) => startedAt - (leasedAt.get(d.id) ?? 0) > leaseMs / 3).map((d) => d.id);
          try {
            const settled = await settleDeliveries(db, batch, {
              leaseMs,
              limit: goOn ? Math.max(0, CHAIN_AHEAD - holding.length) : 0,
              holding: holding.map((d) => d.id),
              renew,
            });
            for (const s of batch) {
              leasedAt.delete(s.delivery.id);
              recorded(s);
            }
            for (const id of renew) leasedAt.set(id, startedAt);
            for (const d of settled.claimed) leasedAt.set(d.id, startedAt);
            if (!settled.webhookActive) halted = true;
            ahead.push(...settled.claimed);
            // A replayed delivery claimed now goes before the later ones already held.
            ahead.sort((a, b) => a.seq - b.seq);
          } catch (error) {
            // Unrecorded, the batch stays leased and is attempted again once the leases run out.
            logger.error({ err: error, webhookId: claimed.webhookId }, "could not record webhook delivery attempts");
            halted = unrecorded = true;
          }
        }
      })().finally(() => {
        recording = null;
        // Attempts that finished as this recording ended.
        record();
      });
    };

    const run = (async () => {
      while (!halted && !stopped) {
        const current = ahead.shift();
        if (!current) {
          // The recording under way may claim more; else the chain is done.
          if (!recording) break;
          await recording;
          continue;
        }
        inHand = current;
        const settlement = await attempt(current).catch((error: unknown) => {
          logger.error({ err: error, deliveryId: current.id }, "webhook delivery attempt failed unexpectedly");
          return null;
        });
        inHand = null;
        // An attempt that threw is left leased and unrecorded: attempted again once its lease runs out.
        if (!settlement) halted = true;
        else {
          if (settlement.outcome.status === "FAILED") halted = true;
          finished.push(settlement);
          record();
        }
      }
      while (recording) await recording;
      // Claimed and not attempted: due again at once for the next claim (behind a FAILED head,
      // which keeps them back), not after their leases.
      if (ahead.length)
        await releaseDeliveries(
          db,
          ahead.splice(0).map((d) => d.id),
        ).catch((error: unknown) => logger.warn({ err: error, webhookId: claimed.webhookId }, "could not give claimed webhook deliveries back"));
    })().finally(() => {
      inFlight.delete(claimed.webhookId);
      // The webhook's next delivery (and any capacity freed) can go now.
      void tick();
    });
    inFlight.set(claimed.webhookId, run);
  }

  async function tick(): Promise<void> {
    if (stopped) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = true;
    try {
      do {
        again = false;
        const free = options.concurrency - inFlight.size;
        if (free <= 0) break;
        const claimed = await claimDueDeliveries(db, free, [...inFlight.keys()], leaseMs);
        for (const c of claimed) if (!stopped) launch(c);
      } while (again && !stopped);
    } catch (error) {
      logger.error({ err: error }, "could not claim webhook deliveries");
    } finally {
      ticking = false;
      schedule();
    }
  }

  function schedule() {
    if (stopped) return;
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = setTimeout(() => void tick(), options.pollMs);
    pollTimer.unref();
  }

  // Only events that created a delivery can give the worker something to do, and only for a
  // webhook whose chain is not running here: a running chain finds the new delivery itself, by a
  // later recording's claim of the next or by the claim when the chain ends (launch()'s tick, after
  // this event was committed). Under a steady stream to one webhook that is a claim less per event,
  // which would have found nothing (issue 10).
  const unsubscribe = deps.outbox.subscribe((event) => {
    if (event.webhookIds.some((id) => !inFlight.has(id))) void tick();
  });
  void tick();

  return {
    name: "webhooks",
    wake() {
      void tick();
    },
    async stop() {
      stopped = true;
      unsubscribe();
      if (pollTimer) clearTimeout(pollTimer);
      // Attempts under way finish (bounded by their timeout) and are recorded; unclaimed work stays
      // in the database for the next start.
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
