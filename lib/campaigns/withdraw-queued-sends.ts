import "server-only";
// Takes a campaign's queued-but-untouched sends back out of the send queue (pause, cancel, delete):
// a message the send worker has not claimed yet (attempts = 0) is deleted and its recipient is
// pending again; one already in hand goes out — "stops within one message". The DELETE's own
// condition is what makes this safe against the worker's claim, which bumps attempts under the row lock.
import type { Db } from "@/lib/db/create-prisma-client";
import type { Tx } from "@/lib/events/event-outbox";

/** `db` may be a transaction: pausing and cancelling withdraw inside the move's own. */
export async function withdrawQueuedSends(db: Db | Tx, campaign: { id: string; sessionId: string }): Promise<number> {
  const queued = await db.campaignRecipient.findMany({ where: { campaignId: campaign.id, status: "queued" }, select: { id: true, keyId: true } });
  let withdrawn = 0;
  for (const r of queued) {
    if (!r.keyId) continue;
    const { count } = await db.message.deleteMany({ where: { sessionId: campaign.sessionId, keyId: r.keyId, status: "PENDING", attempts: 0 } });
    if (count === 0) continue;
    await db.campaignRecipient.updateMany({ where: { id: r.id, status: "queued", keyId: r.keyId }, data: { status: "pending", keyId: null, queuedAt: null } });
    withdrawn++;
  }
  return withdrawn;
}
