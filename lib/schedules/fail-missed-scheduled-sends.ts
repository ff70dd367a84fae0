import "server-only";
// Run once at start, before the send worker: a scheduled send whose time passed more than
// SCHEDULE_MAX_LATENESS_MS ago (the gateway was down) is FAILED with that reason rather than sent
// hours late; a later one is simply sent now. Only untried sends (attempts = 0): one that was
// claimed before the stop may have reached WhatsApp, and its own retry decides.
import type { Db } from "@/lib/db/create-prisma-client";
import type { EventOutbox } from "@/lib/events/event-outbox";
import { Prisma } from "@/lib/generated/prisma/client";

export async function failMissedScheduledSends(db: Db, outbox: EventOutbox, maxLatenessMs: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - maxLatenessMs);
  const reason = `missed: its time passed more than ${Math.round(maxLatenessMs / 60_000)} min ago while the gateway was not running`;
  // The FAILED moves and their message.update events commit together (the events through the
  // outbox, recorded last, one session after another in a fixed order).
  const { failed, dispatch } = await db.$transaction(async (tx) => {
    const failed = await tx.$queryRaw<Array<{ keyId: string; remoteJid: string; sid: string; publicId: string; ownerId: string }>>(Prisma.sql`
      UPDATE messages m SET status = 'FAILED', "failureReason" = ${reason}, "updatedAt" = (now() AT TIME ZONE 'UTC')
      FROM whatsapp_sessions s
      WHERE s.id = m."sessionId" AND m.status = 'PENDING' AND m.attempts = 0
        AND m.payload->>'scheduledAt' IS NOT NULL AND m."sendAfter" < ${cutoff}
      RETURNING m."keyId", m."remoteJid", s.id AS sid, s."sessionId" AS "publicId", s."ownerId"`);
    const bySession = new Map<string, typeof failed>();
    for (const m of failed) bySession.set(m.sid, [...(bySession.get(m.sid) ?? []), m]);
    const dispatches: Array<() => void> = [];
    for (const sid of [...bySession.keys()].sort()) {
      const rows = bySession.get(sid)!;
      const events = rows.map((m) => ({
        event: "message.update",
        data: { id: m.keyId, messageId: m.keyId, remoteJid: m.remoteJid, fromMe: true, status: "FAILED", error: reason },
      }));
      dispatches.push(await outbox.record(tx, { id: sid, sessionId: rows[0].publicId, ownerId: rows[0].ownerId }, events));
    }
    return { failed, dispatch: () => dispatches.forEach((d) => d()) };
  });
  dispatch();
  return failed.length;
}
