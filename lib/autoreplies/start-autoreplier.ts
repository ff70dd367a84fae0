import "server-only";
// Starts auto-replies: incoming messages are answered as their `message` event is committed (the
// outbox's in-process subscription, for latency), and once at start a catch-up pass looks at the
// incoming messages of the last AUTOREPLY_MAX_AGE_MS that have no reply yet — those whose event a
// crash cut off. The idempotency key makes the two paths safe together. Messages of one session
// are answered one after the other, so that the per-contact cooldown sees the previous reply.
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
    const d = event.data as {
      id?: string;
      remoteJid?: string;
      from?: string | null;
      fromMe?: boolean;
      pushName?: string | null;
      text?: string | null;
      timestamp?: number;
    };
    if (!d.id || !d.remoteJid) return;
    run({
      sessionId: event.sessionId,
      keyId: d.id,
      remoteJid: d.remoteJid,
      from: d.from || d.remoteJid,
      fromMe: Boolean(d.fromMe),
      pushName: d.pushName ?? null,
      text: d.text ?? null,
      timestamp: typeof d.timestamp === "number" ? new Date(d.timestamp * 1000) : new Date(event.timestamp),
    });
  });

  const catchUp = (async () => {
    const since = new Date(Date.now() - deps.maxAgeMs);
    const sessions = await deps.db.whatsappSession.findMany({ select: { id: true, sessionId: true, config: true } });
    const publicId = new Map(sessions.map((s) => [s.id, s.sessionId]));
    const enabled = sessions.filter((s) => (s.config as { autoReplyEnabled?: boolean } | null)?.autoReplyEnabled === true).map((s) => s.id);
    if (enabled.length === 0) return;
    const recent = await deps.db.message.findMany({
      where: { sessionId: { in: enabled }, fromMe: false, timestamp: { gte: since }, content: { not: null }, type: { notIn: ["REACTION", "OTHER"] } },
      select: { sessionId: true, keyId: true, remoteJid: true, senderJid: true, pushName: true, content: true, timestamp: true },
      orderBy: { timestamp: "asc" },
      take: CATCH_UP_LIMIT,
    });
    const hits = await deps.db.autoReplyHit.findMany({
      where: { incomingKeyId: { in: recent.map((m) => m.keyId) } },
      select: { sessionId: true, incomingKeyId: true },
    });
    const done = new Set(hits.map((h) => `${h.sessionId}:${h.incomingKeyId}`));
    for (const m of recent) {
      if (done.has(`${m.sessionId}:${m.keyId}`)) continue;
      run({
        sessionId: publicId.get(m.sessionId) ?? m.sessionId,
        keyId: m.keyId,
        remoteJid: m.remoteJid,
        from: m.senderJid || m.remoteJid,
        fromMe: false,
        pushName: m.pushName,
        text: m.content,
        timestamp: m.timestamp,
      });
    }
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
