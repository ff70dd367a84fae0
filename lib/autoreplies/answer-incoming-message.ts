import "server-only";
// The auto-reply for one incoming message: the first matching rule's reply, queued on the durable
// send queue (paced like every send) under the idempotency key autoreply:<session>:<message id>,
// so the live path and the catch-up pass at start can both see a message and it is answered once.
import type { Logger } from "pino";
import { findMatchingRule } from "@/lib/autoreplies/find-matching-rule";
import { phoneOf, renderReply } from "@/lib/autoreplies/render-reply";
import type { Db } from "@/lib/db/create-prisma-client";
import { direct } from "@/lib/db/direct-sql";
import type { EventOutbox } from "@/lib/events/event-outbox";
import { enqueueSend } from "@/lib/messages/enqueue-send";
import type { SendInput } from "@/lib/messages/messages.schema";
import { callerForUser } from "@/lib/users/caller-for-user";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import type { SessionRef } from "@/lib/sessions/session-ref";

export interface IncomingMessage {
  /**
   * The session's internal id. Not its public sessionId: that is unique per owner only, and looking
   * it up across tenants once answered a message with another tenant's session and rules.
   */
  sessionId: string;
  keyId: string;
  remoteJid: string;
  /** The sender (the participant in a group). */
  from: string;
  fromMe: boolean;
  pushName: string | null;
  text: string | null;
  timestamp: Date;
}

export interface AnswerDeps {
  db: Db;
  outbox: EventOutbox;
  logger: Logger;
  /** Messages older than this are not answered: they are history-sync or offline replays. */
  maxAgeMs: number;
  /**
   * The session as this node holds it live, if it does (server.ts: the session manager's). Its
   * config is current: every settings change reaches the holder's ManagedSession
   * (updateSessionSettings → SessionManager.applyConfig, forwarded to the holder on a cluster).
   */
  liveSession?: (sessionDbId: string) => { ref: SessionRef; config: { autoReplyEnabled?: boolean } } | undefined;
}

export type AnswerOutcome = "replied" | "already" | "skipped" | "no-match" | "cooldown";

export async function answerIncomingMessage(deps: AnswerDeps, message: IncomingMessage, now = new Date()): Promise<AnswerOutcome> {
  const { db } = deps;
  if (message.fromMe || !message.text?.trim()) return "skipped";
  // Status updates, broadcast lists and channels are not conversations.
  if (message.remoteJid.endsWith("@broadcast") || message.remoteJid.endsWith("@newsletter")) return "skipped";
  if (now.getTime() - message.timestamp.getTime() > deps.maxAgeMs) return "skipped";

  // Every incoming message asks, auto-replies on or off: the live session's config where this node
  // holds the session (issue 10: that was a statement per incoming message), else one raw statement.
  const live = deps.liveSession?.(message.sessionId);
  const [session] = live
    ? [{ ...live.ref, config: live.config as unknown }]
    : await direct(db).$queryRaw<Array<{ id: string; sessionId: string; ownerId: string; config: unknown }>>`
        SELECT id, "sessionId", "ownerId", config FROM whatsapp_sessions WHERE id = ${message.sessionId}`;
  if (!session || (session.config as { autoReplyEnabled?: boolean } | null)?.autoReplyEnabled !== true) return "skipped";
  const answered = await db.autoReplyHit.findUnique({
    where: { sessionId_incomingKeyId: { sessionId: session.id, incomingKeyId: message.keyId } },
    select: { id: true },
  });
  if (answered) return "already";

  const rules = await db.autoReply.findMany({ where: { ownerId: session.ownerId, enabled: true, OR: [{ sessionId: null }, { sessionId: session.id }] } });
  const isGroup = message.remoteJid.endsWith("@g.us");
  const rule = findMatchingRule(rules, message.text, isGroup);
  if (!rule) return "no-match";

  // One reply per contact per rule within the cooldown: two auto-replying numbers cannot loop.
  if (rule.cooldownSeconds > 0) {
    const recent = await db.autoReplyHit.findFirst({
      where: { ruleId: rule.id, sessionId: session.id, contactJid: message.from, createdAt: { gt: new Date(now.getTime() - rule.cooldownSeconds * 1000) } },
      select: { id: true },
    });
    if (recent) return "cooldown";
  }

  const caller = await callerForUser(db, session.ownerId);
  if (!caller) return "skipped";
  const context = { name: message.pushName, phone: phoneOf(message.from), message: message.text };
  const text = rule.response ? renderReply(rule.response, context) : undefined;
  const media = rule.mediaUrl ? { url: rule.mediaUrl } : rule.mediaId ? { mediaId: rule.mediaId } : null;
  const content = (
    media && rule.mediaType
      ? { kind: "media", mediaType: rule.mediaType, ref: media, ...(text && rule.mediaType !== "audio" ? { caption: text } : {}) }
      : { kind: "text", text: text ?? "" }
  ) as SendInput["message"];
  const input: SendInput = { sessionId: session.id, jid: message.remoteJid, message: content, ...(rule.quote ? { replyTo: message.keyId } : {}) };
  const sent = await enqueueSend(caller, input, { idempotencyKey: `autoreply:${session.id}:${message.keyId}`, via: "automation" });

  const created = await db.autoReplyHit
    .create({
      data: {
        ruleId: rule.id,
        ownerId: session.ownerId,
        sessionId: session.id,
        contactJid: message.from,
        incomingKeyId: message.keyId,
        replyKeyId: sent.messageId,
      },
      select: { id: true },
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return null; // the other path recorded it first
      throw error;
    });
  if (!created) return "already";
  const rule2 = await db.autoReply.update({ where: { id: rule.id }, data: { hitCount: { increment: 1 }, lastHitAt: now }, select: { hitCount: true } });
  await deps.outbox
    .emit(session, "autoreply.hit", {
      ruleId: rule.id,
      hitCount: rule2.hitCount,
      lastHitAt: now.toISOString(),
      incomingId: message.keyId,
      replyId: sent.messageId,
      remoteJid: message.remoteJid,
    })
    .catch((error: unknown) => deps.logger.warn({ err: error }, "could not announce an auto-reply hit"));
  return "replied";
}
