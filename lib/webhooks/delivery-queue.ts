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
 * (`webhook_deliveries_undelivered_idx`) per webhook.
 */
function headsOf(which: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
      SELECT h.id, w.id AS "webhookId", h."nextAttemptAt"
      FROM webhooks w
      CROSS JOIN LATERAL (
        SELECT d.id, d."nextAttemptAt" FROM webhook_deliveries d
        WHERE d."webhookId" = w.id AND d.${UNDELIVERED}
        ORDER BY d."eventSeq"
        LIMIT 1
      ) h
      WHERE w."isActive" AND ${which}`;
}

/**
 * A chain's next deliveries (see settleDeliveries): the webhook's first `limit` undelivered
 * deliveries in the order of events, if it is active, leaving out `excluding` (those the chain
 * holds or the same statement settles, which it still sees undelivered), with each one's place
 * (`rank`, from 1). Same index as headsOf: the head is the first of them.
 */
function nextOf(webhookId: string, excluding: string[], limit: number): Prisma.Sql {
  return Prisma.sql`
      SELECT id, row_number() OVER (ORDER BY "eventSeq") AS rank FROM (
        SELECT d.id, d."eventSeq" FROM webhook_deliveries d
        WHERE d."webhookId" = ${webhookId} AND d.${UNDELIVERED} AND NOT (d.id = ANY(${excluding}::text[]))
          AND EXISTS (SELECT 1 FROM webhooks w WHERE w.id = ${webhookId} AND w."isActive")
        ORDER BY d."eventSeq"
        LIMIT ${limit}::int
      ) candidates`;
}

type ClaimedRow = Claimed & { seq: bigint | number };
const toClaimed = (row: ClaimedRow): Claimed => ({ ...row, seq: Number(row.seq) });

/**
 * Claims up to `limit` due heads of webhooks not in `busy`, leasing each for `leaseMs`, and reads
 * what their attempts need — one statement, one round trip. A webhook's head is its undelivered
 * delivery of the earliest event in the order of events (`events.seq`, issue 17, copied onto the
 * delivery as `eventSeq`).
 *
 * A claim costs as much as there are active webhooks (headsOf), not as much as their backlog.
 * Before (issue 10), every undelivered delivery was joined to its event and sorted at every claim:
 * with a receiver down and 100,000 deliveries waiting, ~900 ms of the database's time per claim,
 * for every webhook of every tenant.
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

/** An attempt to record: the delivery it was made for, and how it went. */
export interface Settlement {
  delivery: Pick<Claimed, "id" | "ownerId" | "webhookId">;
  outcome: AttemptOutcome;
}

export interface ChainClaim {
  leaseMs: number;
  /** How many of the webhook's next deliveries to claim (0: none, the chain is winding down). */
  limit: number;
  /**
   * Deliveries the chain holds, claimed and not yet recorded (the one being attempted included):
   * not claimed again. Disjoint from the settlements.
   */
  holding: string[];
  /**
   * Those of `holding` whose leases are renewed: the ones held long enough for their lease to run
   * short. Renewing is a write of each row (its index entries included), so not every time.
   */
  renew: string[];
}

export interface Settled {
  /** The webhook's next deliveries, claimed, in the order of events. */
  claimed: Claimed[];
  /** False when the webhook was switched off or deleted meanwhile: what the chain holds must go back. */
  webhookActive: boolean;
}

/**
 * Records attempts of one webhook's deliveries — each one's log entry and new state — and goes on
 * with the webhook's chain, all in one statement: atomic without a transaction's extra round
 * trips, and one statement for however many attempts a chain finished while the last one was
 * being recorded (issue 10).
 *
 * `chain`: the same statement renews the leases `chain.renew` names and claims the webhook's next
 * `chain.limit` due deliveries after those the chain holds, leased, in the order of events
 * (nextOf), so that the chain needs no claim of its own. Pass a limit of 0 when the last attempt
 * FAILED: a delivery waiting for its retry is still its webhook's head, and nothing after it may
 * go out.
 */
export async function settleDeliveries(db: Db, settlements: Settlement[], chain: ChainClaim): Promise<Settled> {
  if (settlements.length === 0) throw new Error("settleDeliveries: nothing to settle");
  const { webhookId, ownerId } = settlements[0].delivery;
  if (settlements.some((s) => s.delivery.webhookId !== webhookId)) throw new Error("settleDeliveries: one webhook's deliveries at a time");
  const ids = settlements.map((s) => s.delivery.id);
  const column = <T>(pick: (outcome: AttemptOutcome) => T) => settlements.map((s) => pick(s.outcome));
  const claim = deliveryQueue.claimStatement({
    where: Prisma.sql`id IN (SELECT id FROM next) AND ${UNDELIVERED}`,
    limit: chain.limit,
    leaseMs: chain.leaseMs,
    returning: CLAIM_RETURNING,
  });
  const rows = await direct(db).$queryRaw<Array<{ webhookActive: boolean; rank: bigint | number | null } & ClaimedRow>>`
    WITH input AS (
      SELECT * FROM unnest(
        ${ids}::text[], ${settlements.map(() => newRowId("a"))}::text[], ${column((o) => o.status)}::text[], ${column((o) => o.attempt)}::int[],
        ${column((o) => o.statusCode)}::int[], ${column((o) => o.latencyMs)}::int[], ${column((o) => o.snippet)}::text[],
        ${column((o) => o.responseBytes)}::int[], ${column((o) => o.error)}::text[], ${column((o) => o.retryInMs / 1000)}::double precision[]
      ) AS t(id, "attemptId", status, attempt, "statusCode", "latencyMs", snippet, "responseBytes", error, "retrySecs")
    ), logged AS (
      INSERT INTO webhook_attempts (id, "ownerId", "deliveryId", "webhookId", "statusCode", "latencyMs", "responseSnippet", "responseBytes", error, "createdAt")
      SELECT "attemptId", ${ownerId}, id, ${webhookId}, "statusCode", "latencyMs", snippet, "responseBytes", error, (now() AT TIME ZONE 'UTC') FROM input
    ), settled AS (
      UPDATE webhook_deliveries d SET
        status = i.status::"DeliveryStatus",
        attempts = i.attempt,
        "lastStatusCode" = i."statusCode",
        "lastError" = CASE WHEN i.status = 'DELIVERED' THEN NULL ELSE i.error END,
        "deliveredAt" = CASE WHEN i.status = 'DELIVERED' THEN (now() AT TIME ZONE 'UTC') END,
        "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => i."retrySecs"),
        "updatedAt" = (now() AT TIME ZONE 'UTC')
      FROM input i
      WHERE d.id = i.id AND d.${UNDELIVERED}
      RETURNING d.id
    ), renewed AS (
      UPDATE webhook_deliveries SET
        "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${chain.leaseMs / 1000}::double precision),
        "updatedAt" = (now() AT TIME ZONE 'UTC')
      WHERE id = ANY(${chain.renew}::text[]) AND ${UNDELIVERED}
      RETURNING id
    ), next AS (${nextOf(webhookId, [...ids, ...chain.holding], chain.limit)}),
    claimed AS (${claim}),
    got AS (${READ_CLAIMED})
    SELECT w."isActive" AS "webhookActive", got.*, next.rank
    FROM webhooks w LEFT JOIN (got JOIN next ON next.id = got.id) ON TRUE
    WHERE w.id = ${webhookId}`;
  const webhookActive = rows[0]?.webhookActive ?? false;
  const got = rows
    .filter((row) => row.id !== null)
    .map(({ webhookActive: _active, rank, ...row }) => ({ claimed: toClaimed(row), rank: Number(rank) }))
    .sort((a, b) => a.rank - b.rank);
  // The claim passes over a delivery that is not due (a retry waiting behind a replayed delivery)
  // or that another statement holds locked (SKIP LOCKED): a gap in the ranks would let a later
  // delivery out before an earlier one, so only the unbroken start is kept, the rest given back.
  const unbroken = got.findIndex((g, i) => g.rank !== i + 1);
  const kept = unbroken === -1 ? got : got.slice(0, unbroken);
  if (kept.length < got.length)
    await releaseDeliveries(
      db,
      got.slice(kept.length).map((g) => g.claimed.id),
    );
  return { claimed: kept.map((g) => g.claimed), webhookActive };
}

/** Gives claimed deliveries back, due at once, untried (a chain that stops before their attempts). */
export async function releaseDeliveries(db: Db, ids: string[]): Promise<void> {
  await deliveryQueue.release(db, ids, { where: UNDELIVERED });
}
