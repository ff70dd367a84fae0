// The campaign runner: starts scheduled campaigns at their time and feeds each running campaign's
// recipients into the durable send queue one at a time — the next one only when the previous one
// has left the queue, due after the campaign's delay (`sendAfter`). So a paused campaign has at
// most one send in hand, and it is taken back if the send worker has not claimed it yet
// (lib/campaigns/withdraw-queued-sends.ts). Started once by server.ts, woken by campaign changes
// and by the send queue's message events.
//
// Crash safety: a recipient's send carries the idempotency key `campaign:<id>:<recipientId>[:<retry>]`.
// A process that dies after queueing it but before marking the recipient queued re-queues it with
// the same key after the restart and gets the same message back, so no recipient is sent twice;
// the send queue's own lease covers a send that was in hand.
import "server-only";
import type { Logger } from "pino";
import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors/app-error";
import { campaignGapMs } from "@/lib/campaigns/campaign-gap";
import type { CampaignMessage, CampaignSettings } from "@/lib/campaigns/campaigns.schema";
import { claimRunningCampaigns, releaseCampaign } from "@/lib/campaigns/claim-running-campaigns";
import { emitCampaignEvent } from "@/lib/campaigns/emit-campaign-event";
import { getCampaignStats } from "@/lib/campaigns/get-campaign-stats";
import { moveCampaignStatus } from "@/lib/campaigns/move-campaign-status";
import { ownerCaller } from "@/lib/campaigns/owner-caller";
import { CAMPAIGN_SELECT, type CampaignRecord } from "@/lib/campaigns/public-campaign";
import { renderTemplate } from "@/lib/campaigns/render-template";
import { syncCampaignRecipients } from "@/lib/campaigns/sync-campaign-recipients";
import { varyMessageText } from "@/lib/campaigns/vary-message-text";
import { withdrawQueuedSends } from "@/lib/campaigns/withdraw-queued-sends";
import type { Db } from "@/lib/db/create-prisma-client";
import { direct } from "@/lib/db/direct-sql";
import type { EventOutbox } from "@/lib/events/event-outbox";
import { enqueueSend, type Session } from "@/lib/messages/enqueue-send";
import type { SendContent } from "@/lib/messages/messages.schema";
import { recordMissedStopReplies, recordStopReply } from "@/lib/opt-outs/record-stop-replies";
import type { Worker } from "@/lib/server/runtime";
import { SESSION_COLUMNS } from "@/lib/sessions/get-session-or-throw";
import type { SessionManager } from "@/lib/whatsapp/session-manager";
import { jidNormalizedUser } from "@whiskeysockets/baileys";

export interface CampaignRunnerDeps {
  db: Db;
  sessions: SessionManager;
  /** Several nodes: this node's id; it drives only campaigns of sessions it holds. */
  nodeId?: string | null;
  outbox: EventOutbox;
  logger: Logger;
  stopWords: readonly string[];
  pollMs?: number;
  leaseMs?: number;
  /** Recipients of one campaign in the send queue at once when it has no gap between recipients (with a gap: 1). */
  window?: number;
  /** Numbers checked on WhatsApp per query. */
  checkBatch?: number;
}

type Campaign = CampaignRecord;

const PROGRESS_INTERVAL_MS = 1000;

export function startCampaignRunner(deps: CampaignRunnerDeps): Worker {
  const runner = new CampaignRunner(deps);
  runner.start();
  return runner;
}

class CampaignRunner implements Worker {
  readonly name = "campaign-runner";
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly window: number;
  private readonly checkBatch: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private unsubscribe: (() => void) | null = null;
  /** Campaigns whose numbers changed since their last campaign.progress, and when that was. */
  private readonly dirty = new Set<string>();
  private readonly lastProgressAt = new Map<string, number>();
  /** When each campaign's last recipient was sent (the gap is measured from it), and when its receipts were last followed. */
  private readonly lastSentAt = new Map<string, number>();
  private readonly lastFullSyncAt = new Map<string, number>();

  constructor(private readonly deps: CampaignRunnerDeps) {
    this.pollMs = deps.pollMs ?? 500;
    this.leaseMs = deps.leaseMs ?? 10_000;
    this.window = deps.window ?? 10;
    this.checkBatch = deps.checkBatch ?? 50;
  }

  start() {
    const { db, outbox, logger, stopWords } = this.deps;
    this.unsubscribe = outbox.subscribe((event) => {
      if (event.event === "message.update" && event.data.campaignId) this.wake();
      if (event.event === "message" && typeof event.data.remoteJid === "string" && !event.data.fromMe) {
        const jid = jidNormalizedUser(event.data.remoteJid);
        recordStopReply(db, event.ownerId, jid, typeof event.data.text === "string" ? event.data.text : null, stopWords)
          .then((added) => added && logger.info({ ownerId: event.ownerId }, "a campaign recipient opted out"))
          .catch((error: unknown) => logger.error({ err: error }, "could not record an opt-out"));
      }
    });
    // Replies that came in while no listener ran (the events above are not durable).
    recordMissedStopReplies(db, stopWords, new Date(Date.now() - 7 * 24 * 3600 * 1000)).catch((error: unknown) =>
      logger.error({ err: error }, "opt-out catch-up failed"),
    );
    this.schedule(0);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.tick()
        .catch((error: unknown) => this.deps.logger.error({ err: error }, "campaign runner tick failed"))
        .finally(() => {
          this.running = null;
          const again = this.again;
          this.again = false;
          this.schedule(again ? 50 : this.pollMs);
        });
    }, ms);
    this.timer.unref?.();
  }

  private async tick() {
    const { db, logger } = this.deps;
    await this.startDueCampaigns();
    const ids = await claimRunningCampaigns(db, this.leaseMs, 50, this.deps.nodeId ?? null);
    for (const id of ids) {
      if (this.stopped) break;
      try {
        const campaign = await db.campaign.findUnique({ where: { id }, select: CAMPAIGN_SELECT });
        if (campaign) await this.step(campaign);
      } catch (error) {
        logger.error({ err: error, campaignId: id }, "campaign step failed");
      } finally {
        await releaseCampaign(db, id).catch(() => {});
      }
    }
    await this.flushProgress();
  }

  /** Scheduled campaigns whose time has come. */
  private async startDueCampaigns() {
    const { db, outbox } = this.deps;
    const due = await db.campaign.findMany({ where: { status: "scheduled", scheduledAt: { lte: new Date() } }, select: CAMPAIGN_SELECT, take: 50 });
    for (const c of due) {
      await moveCampaignStatus(db, outbox, c, {
        from: ["scheduled"],
        data: { status: "running", startedAt: new Date() },
        event: "campaign.started",
        eventData: { total: c.total, scheduledAt: c.scheduledAt },
      });
    }
  }

  /** Follows the campaign's sends and queues the next recipient(s) while the window has room. */
  private async step(campaign: Campaign) {
    const { db } = this.deps;
    // The session (the sends' own, so none of them looks it up again), the owner's name the sends go
    // out under and the recipients in the send queue, in one read per step.
    const [read] = await direct(db).$queryRaw<Array<Session & { ownerName: string; inFlight: number }>>`
      SELECT ${SESSION_COLUMNS}, u.name AS "ownerName",
        (SELECT count(*)::int FROM campaign_recipients r WHERE r."campaignId" = ${campaign.id} AND r.status = 'queued') AS "inFlight"
      FROM whatsapp_sessions s JOIN users u ON u.id = s."ownerId"
      WHERE s.id = ${campaign.sessionId} AND s."ownerId" = ${campaign.ownerId}`;
    if (!read) return; // deleted with its campaigns
    const { ownerName, inFlight: queuedBefore, ...session } = read;
    if (session.status === "LOGGED_OUT") return this.failLoggedOut(campaign);
    const sender = ownerCaller(campaign.ownerId, ownerName);
    const settings = (campaign.settings ?? {}) as CampaignSettings;
    // Every step follows the one queued send; receipts and replies of the others once every 2 s.
    const full = Date.now() - (this.lastFullSyncAt.get(campaign.id) ?? 0) >= 2000;
    if (full) this.lastFullSyncAt.set(campaign.id, Date.now());
    const sync = await syncCampaignRecipients(db, campaign, full ? {} : { queuedOnly: true, replies: false });
    if (sync.changed) this.dirty.add(campaign.id);
    if (sync.lastSentAt) this.lastSentAt.set(campaign.id, Math.max(this.lastSentAt.get(campaign.id) ?? 0, sync.lastSentAt.getTime()));
    const maxRetries = settings.maxRetries ?? 0;
    if (maxRetries > 0) {
      // A failed send is tried again (a new send, a new key) until maxRetries is used up. Looked
      // for on every step, not only when this step saw the failure: an API read syncs too.
      await db.$executeRaw`
        UPDATE campaign_recipients SET status = 'pending', attempt = attempt + 1, "keyId" = NULL, "queuedAt" = NULL, reason = NULL, "updatedAt" = now() AT TIME ZONE 'UTC'
        WHERE "campaignId" = ${campaign.id} AND status = 'failed' AND attempt < ${settings.maxRetries}`;
    }
    // With a gap between recipients one at a time (the gap is measured from the previous send);
    // without one, a few ahead so the send queue never waits on this runner. Either way the send
    // worker holds at most one of them at a time, and pause withdraws the rest: "within one message".
    const window = campaignGapMs(settings, () => 1) > 0 ? 1 : this.window;
    let inFlight = queuedBefore;
    let stop = false;
    while (inFlight < window && !stop && !this.stopped) {
      // The next recipients the window has room for, with their opt-out, in one statement.
      const batch = await nextRecipients(db, campaign, window - inFlight);
      if (batch.length === 0) break;
      for (const next of batch) {
        if (this.stopped) break;
        if (!next.jid) {
          await this.skip(next.id, "invalid number");
          continue;
        }
        if (next.optedOut) {
          await this.skip(next.id, "opted out");
          continue;
        }
        if (next.onWhatsapp === null) {
          // Checked in batches; then the next recipients are read again with what WhatsApp said.
          if (!(await this.checkNumbers(campaign))) stop = true; // session not connected: look again later
          break;
        }
        const queued = await this.queue(campaign, settings, sender, session, { ...next, jid: next.jid });
        if (queued === "stop") {
          stop = true;
          break;
        }
        if (queued === "queued") inFlight++;
        this.dirty.add(campaign.id);
      }
    }
    // Done when nothing is in the send queue and nothing is left to send (counted only then).
    if (inFlight > 0) return;
    const open = await db.campaignRecipient.count({
      where: {
        campaignId: campaign.id,
        OR: [{ status: { in: ["pending", "queued"] } }, ...(maxRetries > 0 ? [{ status: "failed" as const, attempt: { lt: maxRetries } }] : [])],
      },
    });
    if (open === 0) await this.complete(campaign);
  }

  /** Checks the next pending numbers on WhatsApp in one query; those not on WhatsApp are skipped. */
  private async checkNumbers(campaign: Campaign): Promise<boolean> {
    const { db, sessions, logger } = this.deps;
    const sock = sessions.get(campaign.sessionId)?.socket;
    if (!sock) return false;
    const batch = await db.campaignRecipient.findMany({
      where: { campaignId: campaign.id, status: "pending", onWhatsapp: null, jid: { not: null } },
      orderBy: { position: "asc" },
      take: this.checkBatch,
      select: { id: true, jid: true },
    });
    if (batch.length === 0) return true;
    let found: Array<{ jid: string; exists: boolean }>;
    try {
      found = ((await sock.onWhatsApp(...batch.map((r) => r.jid!.split("@")[0]))) ?? []) as Array<{ jid: string; exists: boolean }>;
    } catch (error) {
      logger.warn({ err: error, campaignId: campaign.id }, "could not check numbers on WhatsApp; trying again");
      return false;
    }
    const exists = new Set(found.filter((f) => f.exists).map((f) => jidNormalizedUser(f.jid)));
    const yes = batch.filter((r) => exists.has(r.jid!)).map((r) => r.id);
    const no = batch.filter((r) => !exists.has(r.jid!)).map((r) => r.id);
    if (yes.length) await db.campaignRecipient.updateMany({ where: { id: { in: yes } }, data: { onWhatsapp: true } });
    if (no.length) {
      await db.campaignRecipient.updateMany({
        where: { id: { in: no }, status: "pending" },
        data: { onWhatsapp: false, status: "skipped", reason: "not on WhatsApp" },
      });
      this.dirty.add(campaign.id);
    }
    return true;
  }

  private async skip(recipientId: string, reason: string) {
    await this.deps.db.campaignRecipient.updateMany({ where: { id: recipientId, status: "pending" }, data: { status: "skipped", reason } });
  }

  /** Renders the recipient's message and hands it to the send queue, due after the campaign's gap. */
  private async queue(
    campaign: Campaign,
    settings: CampaignSettings,
    sender: Caller,
    session: Session,
    recipient: { id: string; jid: string; fields: unknown; attempt: number },
  ): Promise<"queued" | "skipped" | "stop"> {
    const { db, logger } = this.deps;
    const fields = { ...((recipient.fields as Record<string, unknown>) ?? {}), phone: recipient.jid.split("@")[0] };
    const message = campaign.content as CampaignMessage;
    const seed = settings.variation?.seed ? `${settings.variation.seed}:${recipient.id}` : recipient.id;
    const render = (template: string) => renderTemplate(varyMessageText(template, settings.variation, seed), fields);
    let content: SendContent;
    if (message.kind === "text") {
      const r = render(message.text);
      if (!r.ok) return this.skip(recipient.id, `missing field: ${r.missing}`).then(() => "skipped" as const);
      content = { kind: "text", text: r.text };
    } else if (message.kind === "media" && message.caption) {
      const r = render(message.caption);
      if (!r.ok) return this.skip(recipient.id, `missing field: ${r.missing}`).then(() => "skipped" as const);
      content = { ...message, caption: r.text };
    } else content = message as SendContent;

    // After a restart the first gap is measured from the campaign's latest send, once.
    if (!this.lastSentAt.has(campaign.id)) {
      const last = await db.campaignRecipient.aggregate({ where: { campaignId: campaign.id, sentAt: { not: null } }, _max: { sentAt: true } });
      this.lastSentAt.set(campaign.id, last._max.sentAt?.getTime() ?? 0);
    }
    const lastSentAt = this.lastSentAt.get(campaign.id) ?? 0;
    const sendAfter = new Date(Math.max(Date.now(), lastSentAt + campaignGapMs(settings)));
    const idempotencyKey = `campaign:${campaign.id}:${recipient.id}${recipient.attempt ? `:${recipient.attempt}` : ""}`;
    let keyId: string;
    try {
      const result = await enqueueSend(
        sender,
        { sessionId: campaign.session.id, jid: recipient.jid, message: content, ...(settings.typingTime ? { typingTime: settings.typingTime } : {}) },
        { idempotencyKey, sendAfter, campaignId: campaign.id, session },
      );
      keyId = result.messageId;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The send cannot be accepted (session gone, media unreadable): this recipient fails, with why.
      logger.warn({ err: error, campaignId: campaign.id }, "campaign recipient could not be queued");
      await db.campaignRecipient.updateMany({
        where: { id: recipient.id, status: "pending" },
        data: { status: "failed", reason: error.message.slice(0, 500) },
      });
      return "skipped";
    }
    // The recipient marked queued and the campaign's status read in one statement. The campaign's
    // row is locked for share first: a pause or cancel in progress (it updates that row, then
    // withdraws what is queued) is waited for and seen here; one that comes later waits for this
    // statement and then finds the recipient queued. Either way the send is taken back.
    const [now] = await direct(db).$queryRaw<Array<{ status: string }>>`
      WITH c AS (SELECT status::text AS status FROM campaigns WHERE id = ${campaign.id} FOR SHARE),
      marked AS (
        UPDATE campaign_recipients SET status = 'queued', "keyId" = ${keyId}, "queuedAt" = (now() AT TIME ZONE 'UTC'), "updatedAt" = (now() AT TIME ZONE 'UTC')
        WHERE id = ${recipient.id} AND status = 'pending' AND EXISTS (SELECT 1 FROM c)
      )
      SELECT status FROM c`;
    // Paused or cancelled while we were queueing: take it back (unless the worker already has it).
    if (now?.status !== "running") {
      await withdrawQueuedSends(db, campaign);
      return "stop";
    }
    return "queued";
  }

  private async complete(campaign: Campaign) {
    const { db, outbox } = this.deps;
    const stats = await getCampaignStats(db, campaign);
    // Nothing got through and something failed: the campaign failed (e.g. the session was logged out).
    const failed = stats.sent === 0 && stats.failed > 0;
    const reason = failed ? "no recipient could be sent to" : null;
    const moved = await moveCampaignStatus(db, outbox, campaign, {
      from: ["running"],
      data: { status: failed ? "failed" : "completed", completedAt: new Date(), ...(reason ? { statusReason: reason } : {}) },
      event: "campaign.completed",
      eventData: { status: failed ? "failed" : "completed", ...(reason ? { reason } : {}), statistics: stats },
    });
    if (moved) this.forget(campaign.id);
  }

  /**
   * The campaign's session was logged out (WhatsApp unlinked the device): nothing can be sent until
   * someone pairs it again, which may never happen, so the campaign ends as `failed` with the
   * reason rather than running forever. Its queued send is taken back where the worker has not
   * claimed it, and the recipients not yet sent to are skipped with the reason; retry-failed or a
   * new campaign starts again once the session is paired. (A session that is merely disconnected
   * or reconnecting keeps its campaigns running: they go on when it is back.)
   */
  private async failLoggedOut(campaign: Campaign) {
    const { db, outbox } = this.deps;
    const reason = "session logged out";
    const moved = await moveCampaignStatus(db, outbox, campaign, {
      from: ["running"],
      data: { status: "failed", completedAt: new Date(), statusReason: reason },
      event: "campaign.completed",
      eventData: { status: "failed", reason },
      also: async (tx) => {
        await withdrawQueuedSends(tx, campaign);
        await tx.campaignRecipient.updateMany({ where: { campaignId: campaign.id, status: "pending" }, data: { status: "skipped", reason } });
      },
    });
    if (moved) {
      this.forget(campaign.id);
      this.dirty.add(campaign.id); // one last campaign.progress with the final numbers
    }
  }

  private forget(campaignId: string) {
    this.dirty.delete(campaignId);
    this.lastSentAt.delete(campaignId);
    this.lastFullSyncAt.delete(campaignId);
  }

  /** campaign.progress, at most once a second per campaign. */
  private async flushProgress() {
    const { db, outbox } = this.deps;
    const now = Date.now();
    for (const id of [...this.dirty]) {
      if (now - (this.lastProgressAt.get(id) ?? 0) < PROGRESS_INTERVAL_MS) continue;
      this.dirty.delete(id);
      this.lastProgressAt.set(id, now);
      const campaign = await db.campaign.findUnique({ where: { id }, select: CAMPAIGN_SELECT });
      if (!campaign) continue;
      const stats = await getCampaignStats(db, campaign, { sync: false });
      await emitCampaignEvent(outbox, campaign, "campaign.progress", { status: campaign.status, statistics: stats });
    }
    for (const [id, at] of this.lastProgressAt) if (now - at > 60_000) this.lastProgressAt.delete(id);
  }
}

/**
 * The campaign's next `limit` pending recipients in sending order, each with whether its owner's
 * opt-out list holds it: one statement for what was a read and an opt-out count per recipient.
 */
function nextRecipients(db: Db, campaign: Campaign, limit: number) {
  return direct(db).$queryRaw<Array<{ id: string; jid: string | null; fields: unknown; attempt: number; onWhatsapp: boolean | null; optedOut: boolean }>>`
    SELECT r.id, r.jid, r.fields, r.attempt, r."onWhatsapp",
      EXISTS (SELECT 1 FROM opt_outs o WHERE o."ownerId" = ${campaign.ownerId} AND o.jid = r.jid) AS "optedOut"
    FROM campaign_recipients r
    WHERE r."campaignId" = ${campaign.id} AND r.status = 'pending'
    ORDER BY r.position
    LIMIT ${limit}`;
}
