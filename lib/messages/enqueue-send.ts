import "server-only";
import type { Caller } from "@/lib/auth/caller";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { acceptSend } from "@/lib/messages/accept-send";
import type { SendInput } from "@/lib/messages/messages.schema";
import type { MessageAuthorVia } from "@/lib/messages/public-message";
import { storeAcceptedSends } from "@/lib/messages/store-accepted-sends";
import { claimAtBirthFor, handToSendQueue } from "@/lib/messages/wake-send-queue";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

export interface SendResult {
  success: boolean;
  /** WhatsApp's message id (Message.keyId), fixed when the send is accepted. */
  messageId: string;
  status: MessageStatus;
  error?: string;
  /** A scheduled send's time (issue 12). */
  scheduledFor?: string;
}

export type Session = Awaited<ReturnType<typeof getSessionOrThrow>>;

export interface EnqueueOptions {
  idempotencyKey?: string | null;
  /** Send no earlier than this (a scheduled send's time, a campaign's delay between recipients); default: at once. */
  sendAfter?: Date;
  /** The campaign this send belongs to: carried in the payload and in its message events. */
  campaignId?: string;
  /** How the author sent it, when not plain from the caller (background work acting for a user). */
  via?: MessageAuthorVia;
  /**
   * The session, when background work acting for its owner read it already (the campaign runner,
   * once per step for all the recipients it queues): spares the look-up. Never from a request.
   */
  session?: Session;
}

/**
 * Accepts one send: checks access, resolves the recipient, media and referenced messages, fixes the
 * WhatsApp message id and stores the message as PENDING. The send worker (lib/messages/send-worker.ts)
 * delivers it; re-sending with the same id after a crash is what makes WhatsApp drop a duplicate.
 */
export async function enqueueSend(caller: Caller, input: SendInput, options: EnqueueOptions): Promise<SendResult> {
  const session = options.session ?? (await getSessionOrThrow(caller, input.sessionId));
  const accepted = await acceptSend(caller, session, input, options);
  if (!("row" in accepted)) return accepted.result;
  const [stored] = await storeAcceptedSends([accepted], claimAtBirthFor([session.id]));
  if (stored instanceof Error) throw stored;
  handToSendQueue([{ sessionId: session.id, queued: stored }]);
  return stored.result;
}
