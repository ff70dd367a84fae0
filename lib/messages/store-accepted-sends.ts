import "server-only";
// Stores accepted sends as PENDING rows of the send queue: one INSERT … SELECT FROM unnest(…) for
// the whole batch (issue 10: a batch of 100 used to be 100 statements through Prisma's query
// compiler), in the order they were accepted — `seq` follows it, and the queue takes sends of the
// same moment by `seq`.
//
// A send whose session's lane can take it at once is stored already claimed (issue 10): the lane
// gets it from memory (lib/messages/wake-send-queue.ts) instead of claiming it with a statement of
// its own. Crash safety is the claim's: a send born claimed that is never sent is due again when its
// lease runs out.
import { findSendByIdempotencyKey } from "@/lib/messages/find-send-by-idempotency-key";
import type { AcceptedSend } from "@/lib/messages/accept-send";
import type { SendResult } from "@/lib/messages/enqueue-send";
import { claimAtBirth, type ClaimedSend } from "@/lib/messages/send-queue";
import type { StoredSend } from "@/lib/messages/stored-send";
import { Prisma } from "@/lib/generated/prisma/client";
import { direct } from "@/lib/db/direct-sql";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { newRowId } from "@/lib/db/new-row-id";
import { db } from "@/lib/server/runtime";

/** PostgreSQL's time without zone, as Prisma stores DateTime (UTC). */
const utc = (d: Date) => d.toISOString().slice(0, -1);

/** A stored send: its answer, and the claim it was stored with when its lane may take it at once. */
export interface QueuedSend {
  result: SendResult;
  claimed: ClaimedSend | null;
}

/**
 * Which sends may be stored claimed: of each session in `sessions`, the first that many that are
 * due now, claimed for `leaseMs` (the send worker's lease). Absent: none.
 */
export interface ClaimAtBirth {
  leaseMs: number;
  sessions: ReadonlyMap<string, number>;
}

/**
 * One result per accepted send, in order: what was stored, or the error that kept it out. When the
 * batch's statement fails (a concurrent request took one of its Idempotency-Keys, a session was
 * deleted meanwhile), each send is stored on its own, so that one bad row costs only itself.
 */
export async function storeAcceptedSends(sends: AcceptedSend[], claim?: ClaimAtBirth): Promise<Array<QueuedSend | Error>> {
  if (sends.length === 0) return [];
  const claimable = claimableOf(sends, claim);
  const leaseMs = claim?.leaseMs ?? 0;
  try {
    return await insertSends(sends, claimable, leaseMs);
  } catch (error) {
    if (sends.length === 1) return [await storeAlone(sends[0], error)];
    const results: Array<QueuedSend | Error> = [];
    for (const [i, send] of sends.entries()) {
      try {
        results.push(...(await insertSends([send], [claimable[i]], leaseMs)));
      } catch (error) {
        results.push(await storeAlone(send, error));
      }
    }
    return results;
  }
}

/** Two requests with the same key at once: the loser answers with the winner's message. */
async function storeAlone(send: AcceptedSend, error: unknown): Promise<QueuedSend | Error> {
  const key = send.row.idempotencyKey;
  if (key && isUniqueViolation(error)) {
    const earlier = await findSendByIdempotencyKey(send.session, key).catch((e: unknown) => e as Error);
    if (earlier instanceof Error) return earlier;
    if (earlier) return { result: earlier, claimed: null };
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Which sends may be stored claimed: of each session, the first `count` that are due now. */
function claimableOf(sends: AcceptedSend[], claim: ClaimAtBirth | undefined): boolean[] {
  const left = new Map(claim?.sessions);
  return sends.map(({ row }) => {
    const n = left.get(row.sessionId) ?? 0;
    if (n <= 0 || row.sendAfter > row.acceptedAt) return false;
    left.set(row.sessionId, n - 1);
    return true;
  });
}

async function insertSends(sends: AcceptedSend[], claimable: boolean[], leaseMs: number): Promise<QueuedSend[]> {
  const rows = sends.map((s) => s.row);
  const col = <T>(pick: (r: (typeof rows)[number]) => T) => rows.map(pick);
  const ids = rows.map(() => newRowId());
  const payloads = col((r) => JSON.stringify(r.payload));
  const birth = claimAtBirth(leaseMs, Prisma.sql`v.session`);
  const stored = await direct(db()).$queryRaw<Array<{ id: string; attempts: number }>>`
    INSERT INTO messages (id, "sessionId", "ownerId", "remoteJid", "keyId", "fromMe", type, content, status, timestamp, "quoteId", "mediaId",
                          "sentById", "sentByName", "sentVia", payload, "idempotencyKey", "sendAfter", attempts, "createdAt", "updatedAt", "receivedAt")
    SELECT v.id, v.session, v.owner, v.jid, v.key, true, v.type::"MessageType", v.content, 'PENDING', v.at, v.quote, v.media,
           v.by_id, v.by_name, v.via, v.payload::jsonb, v.idem,
           CASE WHEN b.born THEN ${birth.sendAfter} ELSE v.due END, CASE WHEN b.born THEN 1 ELSE 0 END, v.at, v.at, v.at
    FROM unnest(
      ${ids}::text[], ${col((r) => r.sessionId)}::text[], ${col((r) => r.ownerId)}::text[], ${col((r) => r.remoteJid)}::text[],
      ${col((r) => r.keyId)}::text[], ${col((r) => r.type)}::text[], ${col((r) => r.content)}::text[], ${col((r) => utc(r.acceptedAt))}::timestamp[],
      ${col((r) => r.quoteId)}::text[], ${col((r) => r.mediaId)}::text[], ${col((r) => r.sentById)}::text[], ${col((r) => r.sentByName)}::text[],
      ${col((r) => r.sentVia)}::text[], ${payloads}::text[], ${col((r) => r.idempotencyKey)}::text[],
      ${col((r) => utc(r.sendAfter))}::timestamp[], ${claimable}::boolean[]
    ) WITH ORDINALITY AS v(id, session, owner, jid, key, type, content, at, quote, media, by_id, by_name, via, payload, idem, due, claimable, n)
    CROSS JOIN LATERAL (SELECT v.claimable AND ${birth.allowed} AS born) b
    ORDER BY v.n
    RETURNING id, attempts`;
  const born = new Set(stored.filter((r) => Number(r.attempts) === 1).map((r) => r.id));
  return sends.map((send, i) => ({
    result: send.result,
    claimed: born.has(ids[i])
      ? {
          id: ids[i],
          sessionId: send.row.sessionId,
          keyId: send.row.keyId,
          remoteJid: send.row.remoteJid,
          // As the lane would read it back from the row: JSON, without what JSON drops.
          payload: JSON.parse(payloads[i]) as StoredSend,
          attempts: 1,
        }
      : null,
  }));
}
