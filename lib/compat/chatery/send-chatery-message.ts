import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { enqueueSend } from "@/lib/messages/enqueue-send";
import type { SendInput } from "@/lib/messages/messages.schema";
import { normalizeRecipient } from "@/lib/messages/normalize-recipient";

/** Chatery's send answer (`data`): the message id, its status and the chat it goes to. */
export async function sendChateryMessage(caller: Caller, input: SendInput, idempotencyKey: string | null) {
  const chatId = normalizeRecipient(input.jid, { field: "chatId" });
  const result = await enqueueSend(caller, { ...input, jid: chatId }, { idempotencyKey });
  return { messageId: result.messageId, chatId, status: result.status, ...(result.error ? { error: result.error } : {}) };
}
