import "server-only";
// The webhook delivery queue's SQL (issue 18: split from the worker's scheduling in
// lib/webhooks/webhook-worker.ts): claiming the due head of each webhook, in the order of events,
// with everything its attempt needs in one round trip, and settling an attempt in one statement.
import { direct } from "@/lib/db/direct-sql";
import { newRowId } from "@/lib/db/new-row-id";
import type { Db } from "@/lib/db/create-prisma-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { defineLeaseQueue } from "@/lib/queue/claim-with-lease";

/** A claimed delivery with everything its attempt needs, read in the claiming statement. */
export interface Claimed {
  id: string;
  webhookId: string;
  ownerId: string;
  attempts: number;
  eventId: string;
  /** The event's place in the order of events. */
  seq: number;
  event: string;
  payload: unknown;
  eventCreatedAt: Date;
  sessionDbId: string;
  sessionId: string;
  metadata: unknown;
  phoneNumber: string | null;
  url: string;
  /** The sealed secret, base64 (raw queries cannot return bytea through the driver adapter). */
  secret: string | null;
  origin: string;
  /** The payload's shape: ours, or a client system's (Clevio's message payload). */
  format: string;
  replyEnabled: boolean;
}

/**
 * The webhook delivery queue (lib/queue/claim-with-lease.ts): due at `nextAttemptAt`, which a
 * claim moves one lease ahead.
 */
const deliveryQueue = defineLeaseQueue({
  table: "webhook_deliveries",
  dueColumn: "nextAttemptAt",
  updatedAtColumn: "updatedAt",
  orderBy: Prisma.sql`"nextAttemptAt", id`,
});

/**
 * Claims up to `limit` due heads of webhooks not in `busy`, leasing each for `leaseMs`, and reads
 * what their attempts need — one statement, one round trip. A webhook's head is its undelivered
 * delivery of the earliest event in the order of events (`events.seq`, issue 17, copied onto the
 * delivery as `eventSeq`).
 *
 * Each active webhook's head is one probe of the partial index of undelivered deliveries
 * (`webhook_deliveries_undelivered_idx`): a claim costs as much as there are active webhooks, not
 * as much as their backlog. Before (issue 10), every undelivered delivery was joined to its event
 * and sorted at every claim: with a receiver down and 100,000 deliveries waiting, ~240 ms of the
 * database's CPU per claim, for every webhook of every tenant.
 */
export async function claimDueDeliveries(db: Db, limit: number, busy: string[], leaseMs: number): Promise<Claimed[]> {
  if (limit <= 0) return [];
  const claim = deliveryQueue.claimStatement({
    where: Prisma.sql`id IN (SELECT id FROM due) AND status IN ('PENDING', 'FAILED')`,
    limit,
    leaseMs,
    returning: Prisma.sql`id, "webhookId", "ownerId", attempts, "eventId"`,
  });
  const rows = await direct(db).$queryRaw<Array<Claimed & { seq: bigint | number }>>`
    WITH heads AS (
      SELECT h.id, w.id AS "webhookId", h."nextAttemptAt"
      FROM webhooks w
      CROSS JOIN LATERAL (
        SELECT d.id, d."nextAttemptAt" FROM webhook_deliveries d
        WHERE d."webhookId" = w.id AND d.status IN ('PENDING', 'FAILED')
        ORDER BY d."eventSeq"
        LIMIT 1
      ) h
      WHERE w."isActive"
    ), due AS (
      SELECT id FROM heads
      WHERE "nextAttemptAt" <= (now() AT TIME ZONE 'UTC') AND NOT ("webhookId" = ANY(${busy}::text[]))
    ), claimed AS (${claim})
    SELECT c.id, c."webhookId", c."ownerId", c.attempts, c."eventId",
           e.seq, e.event, e.payload, e."createdAt" AS "eventCreatedAt",
           s.id AS "sessionDbId", s."sessionId", s.metadata, s."phoneNumber",
           w.url, encode(w.secret, 'base64') AS secret, w.origin, w.format, w."replyEnabled"
    FROM claimed c
    JOIN events e ON e.id = c."eventId"
    JOIN whatsapp_sessions s ON s.id = e."sessionId"
    JOIN webhooks w ON w.id = c."webhookId"`;
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

export interface AttemptOutcome {
  statusCode: number | null;
  latencyMs: number;
  snippet: string | null;
  /** Size of the answer in bytes (test sends keep only this, never the text). */
  responseBytes: number | null;
  error: string | null;
  status: "DELIVERED" | "FAILED" | "DEAD";
  /** 1-based number of this attempt. */
  attempt: number;
  /** FAILED: when to try again. */
  retryInMs: number;
}

/** The log entry and the delivery's new state in one statement: atomic without a transaction's extra round trips. */
export async function settleDelivery(db: Db, delivery: Pick<Claimed, "id" | "ownerId" | "webhookId">, outcome: AttemptOutcome): Promise<void> {
  const { statusCode, latencyMs, snippet, responseBytes, error, status, attempt, retryInMs } = outcome;
  await direct(db).$executeRaw`
    WITH logged AS (
      INSERT INTO webhook_attempts (id, "ownerId", "deliveryId", "webhookId", "statusCode", "latencyMs", "responseSnippet", "responseBytes", error, "createdAt")
      VALUES (${newRowId("a")}, ${delivery.ownerId}, ${delivery.id}, ${delivery.webhookId}, ${statusCode}::int, ${latencyMs}::int, ${snippet}::text, ${responseBytes}::int, ${error}::text, (now() AT TIME ZONE 'UTC'))
    )
    UPDATE webhook_deliveries SET
      status = ${status}::"DeliveryStatus",
      attempts = ${attempt}::int,
      "lastStatusCode" = ${statusCode}::int,
      "lastError" = ${status === "DELIVERED" ? null : error}::text,
      "deliveredAt" = CASE WHEN ${status === "DELIVERED"}::boolean THEN (now() AT TIME ZONE 'UTC') END,
      "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${retryInMs / 1000}::double precision),
      "updatedAt" = (now() AT TIME ZONE 'UTC')
    WHERE id = ${delivery.id} AND status IN ('PENDING', 'FAILED')`;
}
