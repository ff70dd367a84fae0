import "server-only";
// A campaign recipient who answers with a stop word (CAMPAIGN_STOP_WORDS: STOP, UNSUBSCRIBE, …) is
// put on the owner's opt-out list, and later campaigns skip them. Fed by the outbox's in-process
// `message` events (fast path) and, since those are not durable, by a catch-up over the stored
// messages at start-up. Only people who received one of the owner's campaigns are listed: a stop
// word in an ordinary chat means nothing here.
import type { Db } from "@/lib/db/create-prisma-client";

export function isStopWord(text: string | null | undefined, stopWords: readonly string[]): boolean {
  if (!text) return false;
  const word = text
    .trim()
    .replace(/[.!]+$/, "")
    .toUpperCase();
  return stopWords.some((w) => w.toUpperCase() === word);
}

/** One incoming message: listed when it is a stop word from a campaign recipient of this owner. */
export async function recordStopReply(db: Db, ownerId: string, jid: string, text: string | null, stopWords: readonly string[]): Promise<boolean> {
  if (!isStopWord(text, stopWords) || !jid.endsWith("@s.whatsapp.net")) return false;
  const recipient = await db.campaignRecipient.findFirst({ where: { ownerId, jid, sentAt: { not: null } }, select: { id: true } });
  if (!recipient) return false;
  const { count } = await db.optOut.createMany({
    data: [{ ownerId, jid, reason: `replied "${text!.trim().slice(0, 50)}"`, source: "stop-word" }],
    skipDuplicates: true,
  });
  return count > 0;
}

/** Catch-up for replies that arrived while no in-process listener ran (a crash between store and event). */
export async function recordMissedStopReplies(db: Db, stopWords: readonly string[], since: Date): Promise<number> {
  if (stopWords.length === 0) return 0;
  const words = stopWords.map((w) => w.toUpperCase());
  return db.$executeRaw`
    INSERT INTO opt_outs (id, "ownerId", jid, reason, source, "createdAt")
    SELECT DISTINCT ON (m."ownerId", m."remoteJid") 'c' || md5(random()::text || m.id), m."ownerId", m."remoteJid", 'replied "' || left(trim(m.content), 50) || '"', 'stop-word', now() AT TIME ZONE 'UTC'
    FROM messages m
    WHERE m."fromMe" = false AND m."createdAt" >= ${since} AND upper(regexp_replace(trim(m.content), '[.!]+$', '')) = ANY(${words}::text[])
      AND EXISTS (SELECT 1 FROM campaign_recipients r WHERE r."ownerId" = m."ownerId" AND r.jid = m."remoteJid" AND r."sentAt" IS NOT NULL AND r."sentAt" < m."createdAt")
    ON CONFLICT ("ownerId", jid) DO NOTHING`;
}
