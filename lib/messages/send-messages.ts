import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { logger } from "@/lib/logger";
import { enqueueSend, type SendResult } from "@/lib/messages/enqueue-send";
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
 */
export async function sendMessages(
  caller: Caller,
  body: SendBody,
  options: { idempotencyKey?: string | null; wait?: boolean },
): Promise<SendResult | Array<SendResult | RejectedSend>> {
  const withWait = (item: SendInput): SendInput => (item.wait === undefined && options.wait !== undefined ? { ...item, wait: options.wait } : item);
  const key = options.idempotencyKey?.trim() || null;
  if (!Array.isArray(body)) return enqueueSend(caller, withWait(body), { idempotencyKey: key });
  const results: Array<SendResult | RejectedSend> = [];
  // One after the other: the queue sends in the order messages were accepted.
  for (const [index, item] of body.entries()) {
    try {
      results.push(await enqueueSend(caller, withWait(item), { idempotencyKey: key ? `${key}:${index}` : null }));
    } catch (error) {
      if (!(error instanceof AppError)) logger.error({ err: error, index }, "batch send item failed");
      const known = error instanceof AppError;
      results.push({
        success: false,
        messageId: null,
        status: null,
        error: known ? error.message : "Internal server error",
        statusCode: known ? error.status : 500,
      });
    }
  }
  return results;
}
