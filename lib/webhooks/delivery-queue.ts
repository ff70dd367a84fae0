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

/** What an attempt needs of a delivery claimed in the CTE `claimed`: the final SELECT of a claim. */
const READ_CLAIMED = Prisma.sql`
    SELECT c.id, c."webhookId", c."ownerId", c.attempts, c."eventId",
           e.seq, e.event, e.payload, e."createdAt" AS "eventCreatedAt",
           s.id AS "sessionDbId", s."sessionId", s.metadata, s."phoneNumber",
           w.url, encode(w.secret, 'base64') AS secret, w.origin, w.format, w."replyEnabled"
    FROM claimed c
    JOIN events e ON e.id = c."eventId"
    JOIN whatsapp_sessions s ON s.id = e."sessionId"
    JOIN webhooks w ON w.id = c."webhookId"`;
const CLAIM_RETURNING = Prisma.sql`id, "webhookId", "ownerId", attempts, "eventId"`;
const UNDELIVERED = Prisma.sql`status IN ('PENDING', 'FAILED')`;

/**
 * The heads of the active webhooks that `which` (a condition on `w`) selects: each one's undelivered
 * delivery of the earliest event, one probe of the partial index of undelivered deliveries
 * (`webhook_deliveries_undelivered_idx`) per webhook. `except`: a delivery the same statement
 * settles, which the statement still sees undelivered.
 */
function headsOf(which: Prisma.Sql, except: string | null = null): Prisma.Sql {
  return Prisma.sql`
      SELECT h.id, w.id AS "webhookId", h."nextAttemptAt"
      FROM webhooks w
      CROSS JOIN LATERAL (
        SELECT d.id, d."nextAttemptAt" FROM webhook_deliveries d
        WHERE d."webhookId" = w.id AND d.${UNDELIVERED} ${except === null ? Prisma.empty : Prisma.sql`AND d.id <> ${except}`}
        ORDER BY d."eventSeq"
        LIMIT 1
      ) h
      WHERE w."isActive" AND ${which}`;
}

type ClaimedRow = Claimed & { seq: bigint | number };
const toClaimed = (row: ClaimedRow): Claimed => ({ ...row, seq: Number(row.seq) });

/**
 * Claims up to `limit` due heads of webhooks not in `busy`, leasing each for `leaseMs`, and reads
 * what their attempts need — one statement, one round trip. A webhook's head is its undelivered
 * delivery of the earliest event in the order of events (`events.seq`, issue 17, copied onto the
 * delivery as `eventSeq`).
 *
 * A claim costs as much as there are active webhooks (headsOf), not as much as their backlog. Before (issue 10), every undelivered delivery was joined to its event
 * and sorted at every claim: with a receiver down and 100,000 deliveries waiting, ~900 ms of the
 * database's time per claim, for every webhook of every tenant.
 */
export async function claimDueDeliveries(db: Db, limit: number, busy: string[], leaseMs: number): Promise<Claimed[]> {
  if (limit <= 0) return [];
  const claim = deliveryQueue.claimStatement({
    where: Prisma.sql`id IN (SELECT id FROM due) AND ${UNDELIVERED}`,
    limit,
    leaseMs,
    returning: CLAIM_RETURNING,
  });
  const rows = await direct(db).$queryRaw<ClaimedRow[]>`
    WITH heads AS (${headsOf(Prisma.sql`TRUE`)}), due AS (
      SELECT id FROM heads
      WHERE "nextAttemptAt" <= (now() AT TIME ZONE 'UTC') AND NOT ("webhookId" = ANY(${busy}::text[]))
    ), claimed AS (${claim})
    ${READ_CLAIMED}`;
  return rows.map(toClaimed);
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

/**
 * The log entry and the delivery's new state in one statement: atomic without a transaction's
 * extra round trips.
 *
 * `claimNext`: when the delivery is done with (DELIVERED or DEAD), the same statement also claims
 * its webhook's next delivery, if one is due, leased for `claimNext.leaseMs`, and returns it: the
 * worker's chain for that webhook goes on without a claim of its own (issue 10: a round trip and a
 * statement less per delivery to a busy webhook). The next is the head once this one is settled:
 * the statement still sees this delivery undelivered, so it is left out by its id.
 */
export async function settleDelivery(
  db: Db,
  delivery: Pick<Claimed, "id" | "ownerId" | "webhookId">,
  outcome: AttemptOutcome,
  claimNext?: { leaseMs: number },
): Promise<Claimed | null> {
  const { statusCode, latencyMs, snippet, responseBytes, error, status, attempt, retryInMs } = outcome;
  const settle = Prisma.sql`
    logged AS (
      INSERT INTO webhook_attempts (id, "ownerId", "deliveryId", "webhookId", "statusCode", "latencyMs", "responseSnippet", "responseBytes", error, "createdAt")
      VALUES (${newRowId("a")}, ${delivery.ownerId}, ${delivery.id}, ${delivery.webhookId}, ${statusCode}::int, ${latencyMs}::int, ${snippet}::text, ${responseBytes}::int, ${error}::text, (now() AT TIME ZONE 'UTC'))
    ), settled AS (
      UPDATE webhook_deliveries SET
        status = ${status}::"DeliveryStatus",
        attempts = ${attempt}::int,
        "lastStatusCode" = ${statusCode}::int,
        "lastError" = ${status === "DELIVERED" ? null : error}::text,
        "deliveredAt" = CASE WHEN ${status === "DELIVERED"}::boolean THEN (now() AT TIME ZONE 'UTC') END,
        "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${retryInMs / 1000}::double precision),
        "updatedAt" = (now() AT TIME ZONE 'UTC')
      WHERE id = ${delivery.id} AND ${UNDELIVERED}
      RETURNING id
    )`;
  if (!claimNext || status === "FAILED") {
    await direct(db).$executeRaw`WITH ${settle} SELECT count(*) FROM settled`;
    return null;
  }
  const claim = deliveryQueue.claimStatement({
    where: Prisma.sql`id IN (SELECT id FROM next) AND ${UNDELIVERED}`,
    limit: 1,
    leaseMs: claimNext.leaseMs,
    returning: CLAIM_RETURNING,
  });
  const [row] = await direct(db).$queryRaw<ClaimedRow[]>`
    WITH ${settle}, next AS (${headsOf(Prisma.sql`w.id = ${delivery.webhookId}`, delivery.id)}), claimed AS (${claim})
    ${READ_CLAIMED}`;
  return row ? toClaimed(row) : null;
}

/** Gives a claimed delivery back, due at once, untried (a worker stopping before its attempt). */
export async function releaseDelivery(db: Db, id: string): Promise<void> {
  await deliveryQueue.release(db, [id], { where: UNDELIVERED });
}
