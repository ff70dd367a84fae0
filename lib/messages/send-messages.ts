import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { logger } from "@/lib/logger";
import { acceptSend, type AcceptedSend } from "@/lib/messages/accept-send";
import { enqueueSend, type SendResult, type Session } from "@/lib/messages/enqueue-send";
import { claimAtBirthFor, handToSendQueue } from "@/lib/messages/wake-send-queue";
import { EARLIER_SEND_SELECT, earlierSendResult } from "@/lib/messages/find-send-by-idempotency-key";
import { storeAcceptedSends, type QueuedSend } from "@/lib/messages/store-accepted-sends";
import { db } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import type { SendBody, SendInput } from "@/lib/messages/messages.schema";

/** A batch item that was not accepted: why, with the status a single send would have answered. */
export interface RejectedSend {
  success: false;
  messageId: null;
  status: null;
  error: string;
  statusCode: number;
}

/**
 * POST /api/chat/send: one send, or a batch (Campaign API) answered with one result per item, in order.
 * An item that cannot be accepted (unknown session, bad recipient, session not connected with
 * `wait: false`, …) does not stop the others. Batch item i gets the Idempotency-Key `${key}:${i}`.
 * A batch (issue 10) looks each session up once, its Idempotency-Keys in one query, stores its
 * accepted items in one statement and hands them to each session's lane (or wakes it) once.
 */
export async function sendMessages(
  caller: Caller,
  body: SendBody,
  options: { idempotencyKey?: string | null; wait?: boolean },
): Promise<SendResult | Array<SendResult | RejectedSend>> {
  const withWait = (item: SendInput): SendInput => (item.wait === undefined && options.wait !== undefined ? { ...item, wait: options.wait } : item);
  const key = options.idempotencyKey?.trim() || null;
  if (!Array.isArray(body)) return enqueueSend(caller, withWait(body), { idempotencyKey: key });

  const sessions = new Map<string, Promise<Session>>();
  const sessionOf = (idOrSessionId: string) => {
    let found = sessions.get(idOrSessionId);
    if (!found) {
      found = getSessionOrThrow(caller, idOrSessionId);
      found.catch(() => undefined); // answered per item below
      sessions.set(idOrSessionId, found);
    }
    return found;
  };
  const keyOf = (index: number) => (key ? `${key}:${index}` : null);
  const earlier = key
    ? await earlierSends(
        body.map((item) => sessionOf(item.sessionId)),
        body.map((_, i) => keyOf(i)!),
      )
    : null;

  const results: Array<SendResult | RejectedSend | AcceptedSend> = [];
  // One after the other, in the batch's order: the queue sends in the order messages were accepted.
  for (const [index, item] of body.entries()) {
    try {
      const session = await sessionOf(item.sessionId);
      const accepted = await acceptSend(caller, session, withWait(item), {
        idempotencyKey: keyOf(index),
        ...(earlier
          ? {
              earlier: async (s: Session, k: string) => {
                const row = earlier.get(`${s.ownerId}\n${k}`);
                return row ? earlierSendResult(s, k, row) : null;
              },
            }
          : {}),
      });
      results.push("row" in accepted ? accepted : accepted.result);
    } catch (error) {
      results.push(rejected(error, index));
    }
  }
  const accepted = results.filter((r): r is AcceptedSend => "row" in r);
  const stored = await storeAcceptedSends(accepted, claimAtBirthFor(new Set(accepted.map((a) => a.session.id))));
  const answers = new Map(accepted.map((a, i) => [a, stored[i]]));
  handToSendQueue(accepted.flatMap((a, i) => (stored[i] instanceof Error ? [] : [{ sessionId: a.session.id, queued: stored[i] as QueuedSend }])));
  return results.map((r, index) => {
    if (!("row" in r)) return r;
    const answer = answers.get(r)!;
    return answer instanceof Error ? rejected(answer, index) : answer.result;
  });
}

/** The sends earlier requests stored under the batch's Idempotency-Keys, by owner and key: one query. */
async function earlierSends(sessions: Array<Promise<Session>>, keys: string[]) {
  const found = await Promise.allSettled(sessions);
  const owners = [...new Set(found.flatMap((f) => (f.status === "fulfilled" ? [f.value.ownerId] : [])))];
  const rows = owners.length
    ? await db().message.findMany({
        where: { ownerId: { in: owners }, idempotencyKey: { in: keys } },
        select: { ...EARLIER_SEND_SELECT, ownerId: true, idempotencyKey: true },
      })
    : [];
  return new Map(rows.map((row) => [`${row.ownerId}\n${row.idempotencyKey}`, row]));
}

function rejected(error: unknown, index: number): RejectedSend {
  if (!(error instanceof AppError)) logger.error({ err: error, index }, "batch send item failed");
  const known = error instanceof AppError;
  return {
    success: false,
    messageId: null,
    status: null,
    error: known ? error.message : "Internal server error",
    statusCode: known ? error.status : 500,
  };
}
