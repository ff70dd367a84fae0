// One WhatsApp session: its Baileys socket, its status, its reconnect timer. Everything that
// happens to a session — connection changes, credential updates, messages — is handled in order on
// one queue, so a reconnect can never overtake the write of the credentials it needs.
import makeWASocket, {
  Browsers,
  DisconnectReason,
  S_WHATSAPP_NET,
  jidNormalizedUser,
  proto,
  type BaileysEventMap,
  type SocketConfig,
  type WASocket,
} from "@whiskeysockets/baileys";
import type { Logger } from "pino";
import { holdsLeaseSql } from "@/lib/cluster/session-leases";
import type { Db } from "@/lib/db/create-prisma-client";
import { directTransaction } from "@/lib/db/direct-sql";
import { newRowId } from "@/lib/db/new-row-id";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventOutbox } from "@/lib/events/event-outbox";
import type { SessionStatus } from "@/lib/generated/prisma/enums";
import type { SessionRef } from "@/lib/sessions/session-ref";
import type { SessionConfig } from "@/lib/sessions/sessions.schema";
import type { CredentialsCipher } from "@/lib/whatsapp/credentials-cipher";
import { usePostgresAuthState, deleteAuthState, type PostgresAuthState } from "@/lib/whatsapp/postgres-auth-state";
import { backoffDelay, decideOnClose, type BackoffOptions } from "@/lib/whatsapp/reconnect-policy";
import { canShareTransaction, handleStoreEvents } from "@/lib/store/handle-store-events";
import { handleGroupEvents, loadCachedGroupMetadata } from "@/lib/groups/handle-group-events";
import { normalizeLidAddressing } from "@/lib/lid/normalize-lid-addressing";
import { SendsAwaitingEcho } from "@/lib/messages/sends-awaiting-echo";
import { withSharedTransactionStorage } from "@/lib/whatsapp/shared-transaction-storage";

/**
 * What an open connection tells about the session, stored with its CONNECTED status (which also
 * clears its last error, keeps it connecting at start, and marks it paired the first time).
 */
interface SessionIdentity {
  phoneNumber: string | null;
  profileName: string | null;
}

export interface SessionContext {
  db: Db;
  cipher: CredentialsCipher;
  /** Where the session's events go: the durable outbox (Socket.io and webhooks feed from it). */
  outbox: EventOutbox;
  logger: Logger;
  baileysLogger: Logger;
  backoff: BackoffOptions;
  /** Extra socket options: the sandbox points Baileys at the emulator here. */
  socketOptions: () => Partial<SocketConfig>;
  /** How long to wait for a QR or an open connection before `connect` answers. */
  connectWaitMs: number;
  /** Downloads media (profile-picture guard); guarded against private addresses. */
  fetchBytes: (url: string) => Promise<Buffer>;
  /** Saves an incoming message's media (autoSaveMedia); absent: media are not saved. */
  saveIncomingMedia?: (session: SessionRef, msg: import("@whiskeysockets/baileys").WAMessage, sock: WASocket) => Promise<{ mediaId: string } | null>;
  /**
   * Several nodes (issue 16): the lease this node holds for the session (holder and fencing
   * token), or null when it holds none; absent on a single node. Status writes carry it in their
   * WHERE, so a node that lost the lease cannot overwrite what the new holder wrote.
   */
  fence?: (sessionId: string) => { nodeId: string; token: number } | null;
  /** Several nodes: the phone unlinked the session (its credentials are gone): its lease goes back. */
  onUnlinked?: (sessionId: string) => Promise<void>;
}

export interface LiveState {
  status: SessionStatus;
  qr: string | null;
  reason: string | null;
  since: Date;
  reconnectAttempts: number;
}

export class ManagedSession {
  status: SessionStatus = "DISCONNECTED";
  qr: string | null = null;
  reason: string | null = null;
  since = new Date();
  /** Reconnects scheduled by the backoff since the session was last healthy (tests count them). */
  reconnectAttempts = 0;
  /** Reconnects of any kind since the process started. */
  totalReconnects = 0;
  config: SessionConfig;

  private sock: WASocket | null = null;
  private auth: PostgresAuthState | null = null;
  private generation = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private queue: Promise<void> = Promise.resolve();
  private stopped = true;
  private waiters = new Set<() => void>();
  private readonly earlyStatuses = new Map<string, import("@/lib/generated/prisma/enums").MessageStatus>();
  /** When each incoming message stanza reached the socket (ms), until the store has used it. */
  private readonly arrivals = new Map<string, number>();
  /** Our sends waiting for Baileys' echo, which writes their SENT (lib/messages/send-worker.ts). */
  readonly sendsAwaitingEcho = new SendsAwaitingEcho();
  /** Push names this process has stored per contact (the store writes a contact only on change). */
  private readonly knownPushNames = new Map<string, string>();
  /** LID → phone JID pairs of this session read or stored by this process (lib/lid/normalize-lid-addressing.ts). */
  private readonly knownLids = new Map<string, string>();
  /** The batches waiting on the queue that a new batch may join (handleEvents stores them together). */
  private openBatches: { generation: number; batches: Array<Partial<BaileysEventMap>> } | null = null;

  constructor(
    private readonly ctx: SessionContext,
    readonly ref: SessionRef,
    config: SessionConfig,
  ) {
    this.config = config;
  }

  /** A socket is open and still handshaking (not waiting on a backoff timer). */
  get isOpening(): boolean {
    return this.sock !== null && this.status === "CONNECTING" && !this.reconnectTimer;
  }

  /** Waits until a QR is shown, the session is open, or it stopped. */
  settle(timeoutMs = this.ctx.connectWaitMs): Promise<LiveState> {
    return this.waitForSettled(timeoutMs).then(() => this.live());
  }

  get socket(): WASocket | null {
    return this.status === "CONNECTED" ? this.sock : null;
  }

  live(): LiveState {
    return { status: this.status, qr: this.qr, reason: this.reason, since: this.since, reconnectAttempts: this.reconnectAttempts };
  }

  /** Starts (or restarts) the connection. Resolves once a QR is shown, the session is open, or it stopped. */
  async start(reason = "connect requested"): Promise<LiveState> {
    this.stopped = false;
    this.clearReconnectTimer();
    await this.openSocket(reason);
    await this.waitForSettled(this.ctx.connectWaitMs);
    return this.live();
  }

  /** Closes the connection without logging out; credentials stay for the next start. */
  async stop(reason = "stopped", options: { waitClosed?: boolean } = {}): Promise<void> {
    this.stopped = true;
    this.clearReconnectTimer();
    const ws = this.sock?.ws as { isClosed?: boolean; once?: (event: "close", listener: () => void) => void } | undefined;
    this.closeSocket();
    // A hand-over to another node: its login must find this connection gone, not merely closing.
    if (options.waitClosed && ws?.once && !ws.isClosed)
      await new Promise<void>((resolve) => {
        ws.once!("close", resolve);
        setTimeout(resolve, 3000).unref();
      });
    await this.enqueue(() => this.setStatus("DISCONNECTED", reason));
    await this.auth?.flush();
  }

  /**
   * Several nodes: this node's lease may lapse or was taken. Closes the socket at once and writes
   * nothing — the session's status and credentials may already be another node's to write.
   */
  abandon(): void {
    this.stopped = true;
    this.clearReconnectTimer();
    this.closeSocket();
  }

  /** Logs out on WhatsApp (the phone forgets this device) and wipes the credentials. */
  async logout(reason = "logged out by user"): Promise<void> {
    this.stopped = true;
    this.clearReconnectTimer();
    const sock = this.sock;
    this.generation++;
    this.sock = null;
    if (sock) {
      await Promise.race([sock.logout(reason).catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
      sock.end(undefined);
    }
    await this.enqueue(async () => {
      await this.auth?.flush();
      this.auth = null;
      await deleteAuthState(this.ctx.db, this.ref.id);
      await this.setStatus("LOGGED_OUT", reason);
      await this.ctx.outbox.emit(this.ref, "logged.out", { reason });
    });
  }

  /** The watchdog's probe: a ping that must be answered within `timeoutMs`. */
  async probe(timeoutMs: number): Promise<boolean> {
    const sock = this.socket;
    if (!sock) return true;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        sock.query({ tag: "iq", attrs: { to: S_WHATSAPP_NET, type: "get", xmlns: "w:p" }, content: [{ tag: "ping", attrs: {} }] }),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("ping timed out")), timeoutMs))),
      ]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A session that stopped answering: mark it ZOMBIE, then reconnect. */
  async markZombieAndRestart(): Promise<void> {
    if (this.stopped) return;
    await this.enqueue(() => this.setStatus("ZOMBIE", "not answering pings"));
    this.totalReconnects++;
    await this.openSocket("restarting a zombie session");
  }

  async requestPairingCode(phone: string): Promise<string> {
    if (!this.sock) throw new Error("session is not connecting");
    return this.sock.requestPairingCode(phone);
  }

  /** New toggles take effect on the live connection where they can (presence now, the rest per event). */
  async applyConfig(config: SessionConfig): Promise<void> {
    const ghostChanged = config.ghostMode !== this.config.ghostMode;
    this.config = config;
    const sock = this.socket;
    if (sock && ghostChanged) await sock.sendPresenceUpdate(config.ghostMode ? "unavailable" : "available").catch(() => undefined);
    if (sock && config.ppGuardEnabled) this.detach(this.guardProfilePicture());
  }

  /**
   * Runs `work` after everything queued before it. Never rejects: a failure is logged and the
   * queue moves on, because one failed write must not stop a session's later events (nor, as an
   * unhandled rejection, the process).
   */
  private enqueue(work: () => Promise<void>): Promise<void> {
    this.openBatches = null; // what comes after this work must not be stored before it
    this.queue = this.queue
      .then(work)
      .catch((error: unknown) => this.ctx.logger.error({ err: error, sessionId: this.ref.sessionId }, "session event handling failed"));
    return this.queue;
  }

  /**
   * Runs `work` in the session's order, after the Baileys events queued before it (never rejects).
   * The send worker records there what it writes itself for a send whose echo did not come in time,
   * so its events take their place among the echoes' rather than racing them.
   */
  inOrder(work: () => Promise<void>): Promise<void> {
    return this.enqueue(work);
  }

  /** For fire-and-forget calls (timers, event callbacks): failures are logged, never thrown. */
  private detach(work: Promise<unknown>): void {
    work.catch((error: unknown) => this.ctx.logger.error({ err: error, sessionId: this.ref.sessionId }, "session task failed"));
  }

  private clearReconnectTimer() {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  private closeSocket() {
    const sock = this.sock;
    this.generation++;
    this.sock = null;
    this.qr = null;
    sock?.end(undefined);
  }

  private async openSocket(reason: string): Promise<void> {
    this.closeSocket();
    const generation = this.generation;
    await this.enqueue(() => this.setStatus("CONNECTING", reason));
    // Several nodes: credential writes are fenced by the lease, as status writes are.
    const fence = this.ctx.fence;
    this.auth ??= await usePostgresAuthState(this.ctx.db, this.ref.id, this.ctx.cipher, fence ? () => fence(this.ref.id) : undefined);
    if (generation !== this.generation) return; // stopped or restarted meanwhile
    const auth = this.auth;
    // One AsyncLocalStorage for every socket's key store instead of one each (see the module).
    const sock = withSharedTransactionStorage(() =>
      makeWASocket({
        auth: auth.state,
        logger: this.ctx.baileysLogger.child({ sessionId: this.ref.sessionId }),
        browser: Browsers.ubuntu("Wagate"),
        markOnlineOnConnect: !this.config.ghostMode,
        syncFullHistory: false,
        generateHighQualityLinkPreview: false,
        getMessage: (key) => this.loadMessage(key.id),
        // Groups (issue 11): sends to a group take its stored metadata instead of asking WhatsApp each time.
        cachedGroupMetadata: (jid) => loadCachedGroupMetadata(this.ctx.db, this.ref, jid),
        ...this.ctx.socketOptions(),
      }),
    );
    this.sock = sock;
    handleMessagesInArrivalOrder(sock, this.ctx.logger, (id) => {
      this.arrivals.set(id, Date.now());
      if (this.arrivals.size > 5000) this.arrivals.delete(this.arrivals.keys().next().value!);
    });
    sock.ev.process((events) => {
      // Group commit (issue 10): a batch that arrives while the session is busy joins the batches
      // of its kind already waiting, and they are stored in one transaction, in order. An idle
      // session stores a batch at once: nothing waits for company.
      const shareable = canShareTransaction(events);
      const open = this.openBatches;
      if (open && open.generation === generation && shareable) {
        open.batches.push(events);
        return;
      }
      const batches = [events];
      const group = { generation, batches };
      void this.enqueue(() => {
        if (this.openBatches === group) this.openBatches = null; // later batches queue anew
        return this.handleEvents(generation, sock, auth, batches);
      });
      if (shareable) this.openBatches = group;
    });
  }

  /** Batches of Baileys events in order; more than one only when they may share a transaction. */
  private async handleEvents(generation: number, sock: WASocket, auth: PostgresAuthState, batches: Array<Partial<BaileysEventMap>>) {
    if (generation !== this.generation) return; // events of a socket we already replaced
    const normalized: Array<Partial<BaileysEventMap>> = [];
    for (let events of batches) {
      if (events["creds.update"]) await auth.saveCreds();
      const update = events["connection.update"];
      if (update) await this.onConnectionUpdate(sock, auth, update);
      // LID addressing (issue 11): chats and senders are stored and announced by phone number when known.
      events = await normalizeLidAddressing(this.ctx.db, this.ref, events, this.ctx.logger, this.knownLids);
      // Groups (issue 11): stored before the store announces the batch's group events, so whoever
      // reacts to an event (the dashboard, a webhook consumer) reads the group as it now is.
      await handleGroupEvents({ db: this.ctx.db, ref: this.ref, sock, logger: this.ctx.logger }, events);
      normalized.push(events);
    }
    await handleStoreEvents(
      {
        db: this.ctx.db,
        outbox: this.ctx.outbox,
        ref: this.ref,
        config: this.config,
        sock,
        logger: this.ctx.logger,
        earlyStatuses: this.earlyStatuses,
        arrivals: this.arrivals,
        knownPushNames: this.knownPushNames,
        sendsAwaitingEcho: this.sendsAwaitingEcho,
        saveIncomingMedia: this.ctx.saveIncomingMedia,
      },
      normalized,
    );
    const me = sock.user?.id ? jidNormalizedUser(sock.user.id) : null;
    if (
      this.config.ppGuardEnabled &&
      me &&
      normalized.some((events) => events["contacts.update"]?.some((c) => c.id && jidNormalizedUser(c.id) === me && c.imgUrl === "removed"))
    ) {
      this.detach(this.guardProfilePicture());
    }
  }

  private async onConnectionUpdate(sock: WASocket, auth: PostgresAuthState, update: BaileysEventMap["connection.update"]) {
    if (update.qr) {
      this.qr = update.qr;
      await this.setStatus("QR", "waiting for the QR code to be scanned");
      await this.ctx.outbox.emit(this.ref, "qr", { qr: update.qr });
    }
    if (update.connection === "open") {
      this.qr = null;
      this.reconnectAttempts = 0;
      const phone = sock.user?.id ? jidNormalizedUser(sock.user.id).split("@")[0] : null;
      // Who the session is, stored with its status (one transaction, fenced like it: issue 10's restore).
      await this.setStatus("CONNECTED", "connection open", {
        phoneNumber: phone,
        profileName: sock.user?.name ?? sock.user?.notify ?? null,
      });
      if (this.config.ghostMode) await sock.sendPresenceUpdate("unavailable").catch(() => undefined);
      if (this.config.ppGuardEnabled) this.detach(this.guardProfilePicture());
    }
    if (update.connection === "close") {
      const error = update.lastDisconnect?.error as { output?: { statusCode?: number }; message?: string } | undefined;
      const code = error?.output?.statusCode;
      const action = decideOnClose({ code, message: error?.message, paired: auth.isPaired(), wasWaitingForQr: this.status === "QR" });
      this.sock = null;
      this.qr = null;
      this.generation++;
      await this.ctx.db.whatsappSession.updateMany({ where: { id: this.ref.id }, data: { lastError: action.reason } });
      if (this.stopped) return;
      switch (action.kind) {
        case "reconnect-now":
          this.totalReconnects++;
          this.detach(this.openSocket(action.reason));
          return;
        case "reconnect-later":
          await this.scheduleReconnect(action.reason);
          return;
        case "logged-out":
          this.stopped = true;
          this.auth = null;
          await deleteAuthState(this.ctx.db, this.ref.id);
          await this.ctx.db.whatsappSession.updateMany({ where: { id: this.ref.id }, data: { autoConnect: false } });
          await this.setStatus("LOGGED_OUT", action.reason);
          await this.ctx.outbox.emit(this.ref, "logged.out", { reason: action.reason });
          // Nothing left to hold: a held lease would only count as this node's load.
          await this.ctx.onUnlinked?.(this.ref.id);
          return;
        case "stop":
          this.stopped = true;
          if (code === DisconnectReason.connectionReplaced) {
            await this.ctx.db.whatsappSession.updateMany({ where: { id: this.ref.id }, data: { autoConnect: false } });
          }
          await this.setStatus("DISCONNECTED", action.reason);
          return;
      }
    }
  }

  private async scheduleReconnect(reason: string) {
    this.clearReconnectTimer();
    const delay = backoffDelay(this.reconnectAttempts, this.ctx.backoff);
    this.reconnectAttempts++;
    this.totalReconnects++;
    await this.setStatus("CONNECTING", `${reason}; reconnecting in ${Math.round(delay / 100) / 10} s (attempt ${this.reconnectAttempts})`);
    if (this.stopped) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.stopped) this.detach(this.openSocket(`reconnect attempt ${this.reconnectAttempts}`));
    }, delay);
  }

  /** Stores a status change with its reason, in the session row and its history, and announces it. */
  private async setStatus(status: SessionStatus, reason: string, identity?: SessionIdentity) {
    if (status === this.status && reason === this.reason && !identity) return;
    const since = new Date();
    // Stored first, so that whoever sees the new status in memory also finds it in the database;
    // the status, its history row and its event commit together.
    const fence = this.ctx.fence?.(this.ref.id);
    // Raw statements on a pool connection (lib/db/direct-sql.ts): a restore changes every session's
    // status two or three times. Through Prisma (its query compiler, its interactive transactions)
    // these were most of a restore's Prisma statements, and Prisma a quarter of its CPU profile
    // (issue 10, BENCHMARKS.md).
    const dispatch = await directTransaction(
      this.ctx.db,
      async (tx) => {
        const fenced = fence === undefined ? Prisma.empty : Prisma.sql`AND ${holdsLeaseSql(this.ref.id, fence)}`;
        const identified = identity
          ? Prisma.sql`, "phoneNumber" = ${identity.phoneNumber}, "profileName" = ${identity.profileName}, "lastError" = NULL,
              "autoConnect" = TRUE, "pairedAt" = COALESCE(s."pairedAt", ${since})`
          : Prisma.empty;
        const updated = await tx.$executeRaw`
          UPDATE whatsapp_sessions s
          SET status = ${status}::"SessionStatus", "statusReason" = ${reason}, "statusChangedAt" = ${since}, "updatedAt" = ${since} ${identified}
          WHERE s.id = ${this.ref.id} ${fenced}`;
        // Not (or no longer) this node's session: its new holder's status stands.
        if (fence !== undefined && updated === 0) return null;
        await tx.$executeRaw`
          INSERT INTO session_status_events (id, "sessionId", "ownerId", status, reason, "createdAt")
          VALUES (${newRowId()}, ${this.ref.id}, ${this.ref.ownerId}, ${status}::"SessionStatus", ${reason}, ${since})`;
        // The QR itself travels only in `qr` events (to those who may manage the session).
        return this.ctx.outbox.record(tx, this.ref, [{ event: "connection.update", data: { status, reason, hasQr: Boolean(this.qr) } }]);
      },
      // Hundreds of sessions reconnecting at once queue for connections; waiting is fine, failing is not.
      { maxWait: 60_000, timeout: 30_000 },
    );
    this.status = status;
    this.reason = reason;
    this.since = since;
    if (dispatch) dispatch();
    else this.ctx.logger.warn({ sessionId: this.ref.sessionId, status }, "status not stored: this node no longer holds the session's lease");
    for (const wake of this.waiters) wake();
  }

  private waitForSettled(timeoutMs: number): Promise<void> {
    const settled = () => this.stopped || this.status === "QR" || this.status === "CONNECTED" || this.status === "LOGGED_OUT";
    if (settled()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        if (!settled()) return;
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(done);
        resolve();
      }, timeoutMs);
      this.waiters.add(done);
    });
  }

  private async loadMessage(keyId: string | null | undefined): Promise<proto.IMessage | undefined> {
    if (!keyId) return undefined;
    const row = await this.ctx.db.message.findUnique({ where: { sessionId_keyId: { sessionId: this.ref.id, keyId } }, select: { raw: true } });
    return row?.raw ? proto.Message.decode(row.raw) : undefined;
  }

  /** ppGuard: when the account has no profile picture, put the fallback back. */
  private async guardProfilePicture(): Promise<void> {
    const sock = this.socket;
    const url = this.config.ppGuardFallbackUrl;
    if (!sock?.user?.id || !url) return;
    const me = jidNormalizedUser(sock.user.id);
    try {
      const current = await sock.profilePictureUrl(me, "image").catch(() => undefined);
      if (current) return;
      const image = await this.ctx.fetchBytes(url);
      await sock.updateProfilePicture(me, image);
      await this.ctx.outbox.emit(this.ref, "profile.picture.restored", { url });
    } catch (error) {
      this.ctx.logger.warn({ err: error, sessionId: this.ref.sessionId }, "profile picture guard could not restore the picture");
    }
  }
}

/**
 * Baileys handles incoming message stanzas concurrently and only serialises them at decryption,
 * after an awaited LID-mapping lookup (and, for a contact's first messages, a mapping write) that
 * takes longer for some stanzas than for others. A contact's third message could therefore be
 * decrypted, upserted and recorded before its first (issue 17: "ping media" reached a webhook
 * before "ping text"). Running Baileys' own handlers for `CB:message` one stanza at a time keeps
 * the order in which WhatsApp delivered them; decryption was serialised already, so this costs
 * only the overlap of the lookups. Offline stanzas are queued by Baileys in order either way.
 */
export function handleMessagesInArrivalOrder(sock: WASocket, logger: Logger, onArrival?: (stanzaId: string) => void): void {
  const ws = sock.ws as unknown as import("node:events").EventEmitter;
  const handlers = ws.listeners("CB:message") as Array<(node: unknown) => unknown>;
  if (handlers.length === 0) {
    logger.warn("Baileys registers no CB:message handler any more: incoming messages may be recorded out of order");
    return;
  }
  ws.removeAllListeners("CB:message");
  let previous: Promise<unknown> = Promise.resolve();
  ws.on("CB:message", (node: unknown) => {
    const id = (node as { attrs?: { id?: unknown } }).attrs?.id;
    if (typeof id === "string") onArrival?.(id);
    previous = previous.then(() => Promise.all(handlers.map((handler) => handler(node)))).catch(() => undefined);
  });
}
