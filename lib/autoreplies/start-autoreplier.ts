import "server-only";
// Starts auto-replies: incoming messages are answered as their `message` event is committed (the
// outbox's in-process subscription, for latency), and once at start a catch-up pass answers the
// messages whose event a crash cut off: the `message` events of the last AUTOREPLY_MAX_AGE_MS
// (recorded in the same transaction as the message, lib/events/event-outbox.ts) that have no
// auto-reply hit yet. It reads the events, not the messages table, on purpose: a history sync
// stores messages but records no `message` event for them, so what a sync replays is never
// answered, however recent. The idempotency key makes the two paths safe together, and makes a
// crash between queueing a reply and recording its hit harmless (the same reply is found again).
// Messages of one session are answered one after the other, so that the per-contact cooldown sees
// the previous reply.
import type { Logger } from "pino";
import { answerIncomingMessage, type AnswerDeps, type IncomingMessage } from "@/lib/autoreplies/answer-incoming-message";
import type { RecordedEvent } from "@/lib/events/event-outbox";
import type { Worker } from "@/lib/server/runtime";

const CATCH_UP_LIMIT = 1000;

export function startAutoReplier(deps: AnswerDeps & { logger: Logger }): Worker {
  const lanes = new Map<string, Promise<unknown>>();
  let stopped = false;

  const run = (message: IncomingMessage) => {
    if (stopped) return;
    const previous = lanes.get(message.sessionId) ?? Promise.resolve();
    const next = previous
      .then(() => answerIncomingMessage(deps, message))
      .catch((error: unknown) => deps.logger.error({ err: error, sessionId: message.sessionId, messageId: message.keyId }, "auto-reply failed"))
      .finally(() => {
        if (lanes.get(message.sessionId) === next) lanes.delete(message.sessionId);
      });
    lanes.set(message.sessionId, next);
  };

  const unsubscribe = deps.outbox.subscribe((event: RecordedEvent) => {
    if (event.event !== "message") return;
    // The internal id: public sessionIds are unique per owner only, so "shop" may name sessions of
    // several tenants, and the answer must come from the session that received the message.
    const message = incomingFromEvent(event.sessionDbId, event.data, event.timestamp);
    if (message) run(message);
  });

  const catchUp = (async () => {
    const since = new Date(Date.now() - deps.maxAgeMs);
    const sessions = await deps.db.whatsappSession.findMany({ select: { id: true, config: true } });
    const enabled = sessions.filter((s) => (s.config as { autoReplyEnabled?: boolean } | null)?.autoReplyEnabled === true).map((s) => s.id);
    if (enabled.length === 0) return;
    const recent = await deps.db.event.findMany({
      where: { sessionId: { in: enabled }, event: "message", createdAt: { gte: since } },
      select: { sessionId: true, payload: true, createdAt: true },
      // The latest ones: those a crash cut off are the last before it. Answered oldest first.
      orderBy: { seq: "desc" },
      take: CATCH_UP_LIMIT,
    });
    const incoming = recent.reverse().flatMap((e) => {
      const message = incomingFromEvent(e.sessionId, e.payload as Record<string, unknown>, e.createdAt.toISOString());
      return message ? [message] : [];
    });
    const hits = await deps.db.autoReplyHit.findMany({
      where: { sessionId: { in: enabled }, incomingKeyId: { in: incoming.map((m) => m.keyId) } },
      select: { sessionId: true, incomingKeyId: true },
    });
    const done = new Set(hits.map((h) => `${h.sessionId}:${h.incomingKeyId}`));
    let missed = 0;
    for (const m of incoming) {
      if (done.has(`${m.sessionId}:${m.keyId}`)) continue;
      missed++;
      // Lanes are keyed like the live path's (the internal id), so the two cannot answer one contact at once.
      run(m);
    }
    if (missed) deps.logger.info({ messages: missed }, "auto-reply catch-up: looking at messages that arrived before a stop");
  })().catch((error: unknown) => deps.logger.error({ err: error }, "auto-reply catch-up failed"));

  return {
    name: "autoreplies",
    wake() {},
    async stop() {
      stopped = true;
      unsubscribe();
      await catchUp;
      await Promise.allSettled([...lanes.values()]);
    },
  };
}

/** A `message` event's data as an incoming message (null when it is not one to look at). */
function incomingFromEvent(sessionId: string, data: Record<string, unknown>, recordedAt: string): IncomingMessage | null {
  const d = data as {
    id?: string;
    remoteJid?: string;
    from?: string | null;
    fromMe?: boolean;
    pushName?: string | null;
    text?: string | null;
    timestamp?: number;
  };
  if (!d.id || !d.remoteJid) return null;
  return {
    sessionId,
    keyId: d.id,
    remoteJid: d.remoteJid,
    from: d.from || d.remoteJid,
    fromMe: Boolean(d.fromMe),
    pushName: d.pushName ?? null,
    text: d.text ?? null,
    timestamp: typeof d.timestamp === "number" ? new Date(d.timestamp * 1000) : new Date(recordedAt),
  };
}
