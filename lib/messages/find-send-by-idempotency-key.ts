import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import type { SendResult } from "@/lib/messages/enqueue-send";
import { direct } from "@/lib/db/direct-sql";
import { db } from "@/lib/server/runtime";

/**
 * The send an earlier request with the same Idempotency-Key created (null: none); another session's
 * is a conflict. One raw statement on the unique (ownerId, idempotencyKey) index: every campaign
 * recipient's send asks it (issue 10).
 */
export async function findSendByIdempotencyKey(session: { id: string; ownerId: string }, idempotencyKey: string): Promise<SendResult | null> {
  const [earlier] = await direct(db()).$queryRaw<Array<{ sessionId: string; keyId: string; status: MessageStatus; failureReason: string | null }>>`
    SELECT "sessionId", "keyId", status::text AS status, "failureReason" FROM messages
    WHERE "ownerId" = ${session.ownerId} AND "idempotencyKey" = ${idempotencyKey}`;
  return earlier ? earlierSendResult(session, idempotencyKey, earlier) : null;
}

/** What findSendByIdempotencyKey reads (a batch reads it for all its keys at once). */
export const EARLIER_SEND_SELECT = { sessionId: true, keyId: true, status: true, failureReason: true } as const;

/** The answer for a send stored earlier under the key: as it was answered then, unless it belongs to another session. */
export function earlierSendResult(
  session: { id: string },
  idempotencyKey: string,
  earlier: { sessionId: string; keyId: string; status: MessageStatus; failureReason: string | null },
): SendResult {
  if (earlier.sessionId !== session.id)
    throw new AppError("CONFLICT", `Idempotency-Key '${idempotencyKey}' was already used for a send through another session`);
  return {
    success: earlier.status !== "FAILED",
    messageId: earlier.keyId,
    status: earlier.status,
    ...(earlier.failureReason && earlier.status === "FAILED" ? { error: earlier.failureReason } : {}),
  };
}
