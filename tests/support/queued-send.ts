// A send as the API queues it and a worker has claimed it once: a PENDING row with its payload,
// written straight to the database, for tests that play the send worker's writes (markSendsSent)
// against the message store's without a gateway.
import type { Db } from "@/lib/db/create-prisma-client";
import type { ClaimedSend } from "@/lib/messages/send-queue";
import type { StoredSend } from "@/lib/messages/stored-send";
import type { SessionRef } from "@/lib/sessions/session-ref";

let n = 0;

export async function queuedSend(
  db: Db,
  ref: SessionRef,
  remoteJid: string,
  text: string,
  op: StoredSend["op"] = "send",
  target?: StoredSend["target"],
): Promise<ClaimedSend> {
  const keyId = `3EB0TEST${++n}`;
  const payload: StoredSend = { v: 1, op, content: { text }, ...(target ? { target } : {}) };
  const row = await db.message.create({
    data: {
      sessionId: ref.id,
      ownerId: ref.ownerId,
      remoteJid,
      keyId,
      fromMe: true,
      content: text,
      status: "PENDING",
      timestamp: new Date(),
      payload: payload as object,
      attempts: 1,
    },
  });
  return { id: row.id, sessionId: ref.id, keyId, remoteJid, payload, attempts: 1, sentAt: Date.now() };
}
