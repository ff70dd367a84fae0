import "server-only";
// Stores accepted sends as PENDING rows of the send queue: one INSERT … SELECT FROM unnest(…) for
// the whole batch (issue 10: a batch of 100 used to be 100 statements through Prisma's query
// compiler), in the order they were accepted — `seq` follows it, and the queue takes sends of the
// same moment by `seq`.
import { findSendByIdempotencyKey } from "@/lib/messages/find-send-by-idempotency-key";
import type { AcceptedSend } from "@/lib/messages/accept-send";
import type { SendResult } from "@/lib/messages/enqueue-send";
import { direct } from "@/lib/db/direct-sql";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { newRowId } from "@/lib/db/new-row-id";
import { db } from "@/lib/server/runtime";

/** PostgreSQL's time without zone, as Prisma stores DateTime (UTC). */
const utc = (d: Date) => d.toISOString().slice(0, -1);

/**
 * One result per accepted send, in order: its SendResult, or the error that kept it out. When the
 * batch's statement fails (a concurrent request took one of its Idempotency-Keys, a session was
 * deleted meanwhile), each send is stored on its own, so that one bad row costs only itself.
 */
export async function storeAcceptedSends(sends: AcceptedSend[]): Promise<Array<SendResult | Error>> {
  if (sends.length === 0) return [];
  try {
    await insertSends(sends);
    return sends.map((s) => s.result);
  } catch (error) {
    if (sends.length === 1) return [await storeAlone(sends[0], error)];
    const results: Array<SendResult | Error> = [];
    for (const send of sends) {
      try {
        await insertSends([send]);
        results.push(send.result);
      } catch (error) {
        results.push(await storeAlone(send, error));
      }
    }
    return results;
  }
}

/** Two requests with the same key at once: the loser answers with the winner's message. */
async function storeAlone(send: AcceptedSend, error: unknown): Promise<SendResult | Error> {
  const key = send.row.idempotencyKey;
  if (key && isUniqueViolation(error)) {
    const earlier = await findSendByIdempotencyKey(send.session, key).catch((e: unknown) => e as Error);
    if (earlier) return earlier;
  }
  return error instanceof Error ? error : new Error(String(error));
}

async function insertSends(sends: AcceptedSend[]) {
  const rows = sends.map((s) => s.row);
  const col = <T>(pick: (r: (typeof rows)[number]) => T) => rows.map(pick);
  await direct(db()).$executeRaw`
    INSERT INTO messages (id, "sessionId", "ownerId", "remoteJid", "keyId", "fromMe", type, content, status, timestamp, "quoteId", "mediaId",
                          "sentById", "sentByName", "sentVia", payload, "idempotencyKey", "sendAfter", "createdAt", "updatedAt", "receivedAt")
    SELECT v.id, v.session, v.owner, v.jid, v.key, true, v.type::"MessageType", v.content, 'PENDING', v.at, v.quote, v.media,
           v.by_id, v.by_name, v.via, v.payload::jsonb, v.idem, v.due, v.at, v.at, v.at
    FROM unnest(
      ${col(() => newRowId())}::text[], ${col((r) => r.sessionId)}::text[], ${col((r) => r.ownerId)}::text[], ${col((r) => r.remoteJid)}::text[],
      ${col((r) => r.keyId)}::text[], ${col((r) => r.type)}::text[], ${col((r) => r.content)}::text[], ${col((r) => utc(r.acceptedAt))}::timestamp[],
      ${col((r) => r.quoteId)}::text[], ${col((r) => r.mediaId)}::text[], ${col((r) => r.sentById)}::text[], ${col((r) => r.sentByName)}::text[],
      ${col((r) => r.sentVia)}::text[], ${col((r) => JSON.stringify(r.payload))}::text[], ${col((r) => r.idempotencyKey)}::text[],
      ${col((r) => utc(r.sendAfter))}::timestamp[]
    ) WITH ORDINALITY AS v(id, session, owner, jid, key, type, content, at, quote, media, by_id, by_name, via, payload, idem, due, n)
    ORDER BY v.n`;
}
