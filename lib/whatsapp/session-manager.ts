// Owns every WhatsApp session of the process: restores the paired ones at start, starts, restarts
// and logs out on request, and runs the watchdog that turns silent connections into ZOMBIE and
// restarts them. Created once in server.ts; route handlers reach it through getRuntime().sessions.
import type { SessionConfig } from "@/lib/sessions/sessions.schema";
import { DEFAULT_SESSION_CONFIG } from "@/lib/sessions/sessions.schema";
import { AppError } from "@/lib/errors/app-error";
import { deleteAuthState } from "@/lib/whatsapp/postgres-auth-state";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { ManagedSession, type LiveState, type SessionContext } from "@/lib/whatsapp/managed-session";
import { silenceLibsignalConsole } from "@/lib/whatsapp/silence-libsignal-console";
import { useCheckedSignatures } from "@/lib/whatsapp/signature-check";
import type { ClusterCommand, ClusterCoordinator, LeasedSessions } from "@/lib/cluster/cluster-coordinator";

export interface SessionRow extends SessionRef {
  config: unknown;
  status: LiveState["status"];
  statusReason: string | null;
  statusChangedAt: Date;
}

export interface WatchdogOptions {
  intervalMs: number;
  timeoutMs: number;
}

const configOf = (row: { config: unknown }): SessionConfig => ({ ...DEFAULT_SESSION_CONFIG, ...(row.config as SessionConfig) });

const sessionSelect = { id: true, sessionId: true, ownerId: true, config: true, status: true, statusReason: true, statusChangedAt: true } as const;

export class SessionManager implements LeasedSessions {
  private readonly sessions = new Map<string, ManagedSession>();
  private watchdogTimer: NodeJS.Timeout | null = null;
  /**
   * Several nodes (issue 16): this node runs only sessions whose lease it holds, and asks the
   * holder for the others. Null on a single node: every session is this process's, as always.
   */
  private cluster: ClusterCoordinator | null = null;

  constructor(
    readonly ctx: SessionContext,
    private readonly watchdog: WatchdogOptions,
  ) {
    // Before any Signal session exists: libsignal prints session keys to the console otherwise.
    silenceLibsignalConsole(ctx.logger);
    // Baileys' own check accepts any signature on WhatsApp's certificates (see the module).
    useCheckedSignatures();
  }

  /** Several nodes: from now on sessions run here only under a lease held through `cluster`. */
  async joinCluster(cluster: ClusterCoordinator): Promise<void> {
    this.cluster = cluster;
    // Every session started from now on fences its status writes with this node's lease.
    this.ctx.fence = (sessionId) => cluster.fenceOf(sessionId);
    // As a logout through the API does (logout()), a session the phone unlinked gives its lease back.
    this.ctx.onUnlinked = (sessionId) => cluster.release([sessionId]);
    await cluster.start(this);
  }

  /** Reconnects every session that was connected (paired) when the process last ran. No QR needed. */
  async restoreAll(concurrency = 10): Promise<number> {
    if (this.cluster) {
      // The first round claims this node's share of the free sessions and starts them; later
      // rounds (every heartbeat) take over sessions whose node died.
      await this.cluster.round();
      this.startWatchdog();
      return this.cluster.heldCount();
    }
    const rows = await this.ctx.db.whatsappSession.findMany({
      where: { autoConnect: true, authEntries: { some: { category: "creds" } } },
      select: { id: true, sessionId: true, ownerId: true, config: true },
    });
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const row = rows[next++];
        await this.ensure(row)
          .start("restored at start-up")
          .catch((error: unknown) => this.ctx.logger.error({ err: error, sessionId: row.sessionId }, "could not restore session"));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
    this.startWatchdog();
    return rows.length;
  }

  get(id: string): ManagedSession | undefined {
    return this.sessions.get(id);
  }

  /** The live state, or the stored one for a session this process is not running. */
  live(row: SessionRow): LiveState {
    const local = this.sessions.get(row.id);
    // Another node runs it and keeps its stored status current.
    if (this.cluster && (!local || !this.cluster.holds(row.id)))
      return { status: row.status, qr: null, reason: row.statusReason, since: row.statusChangedAt, reconnectAttempts: 0 };
    return (
      local?.live() ?? {
        status: row.status === "CONNECTED" || row.status === "QR" || row.status === "CONNECTING" ? "DISCONNECTED" : row.status,
        qr: null,
        reason: row.statusReason,
        since: row.statusChangedAt,
        reconnectAttempts: 0,
      }
    );
  }

  /** Starts the session unless it is already connected or waiting for its QR to be scanned. */
  async connect(row: SessionRow): Promise<LiveState> {
    if (this.cluster) {
      const owner = await this.cluster.ownerFor(row.id, { here: !(await this.isPaired(row.id)) });
      if (!owner.mine) return this.elsewhere("start", row);
    }
    const session = this.ensure(row);
    if (session.status === "CONNECTED" || session.status === "QR") return session.live();
    // Already handshaking (e.g. WhatsApp's restart right after a scan): restarting now would break
    // the pairing, so a second connect (a double click, a retried request) just waits with it.
    if (session.isOpening) return session.settle();
    await this.ctx.db.whatsappSession.updateMany({ where: { id: row.id }, data: { autoConnect: true } });
    return session.start("connect requested");
  }

  async restart(row: SessionRow): Promise<LiveState> {
    await this.ctx.db.whatsappSession.updateMany({ where: { id: row.id }, data: { autoConnect: true } });
    if (this.cluster) {
      const owner = await this.cluster.ownerFor(row.id);
      if (!owner.mine) return this.elsewhere("restart", row);
    }
    return this.ensure(row).start("restart requested");
  }

  /** Logs out (here or on the holder); the state after it. */
  async logout(row: SessionRow): Promise<LiveState> {
    await this.ctx.db.whatsappSession.updateMany({ where: { id: row.id }, data: { autoConnect: false } });
    // The holder logs out on WhatsApp and wipes the credentials; wiping them here under its
    // live socket would leave that socket running on credentials that no longer exist. The answer
    // waits for the holder to have done it, so that it says LOGGED_OUT rather than the old status.
    if (this.cluster && !this.cluster.holds(row.id) && (await this.cluster.forward("logout", row.id)))
      return this.storedOnceChanged(row, (status) => status === "LOGGED_OUT");
    const session = this.sessions.get(row.id);
    if (session) await session.logout();
    else await deleteAuthState(this.ctx.db, row.id);
    await this.cluster?.release([row.id]);
    return session?.live() ?? this.live(row);
  }

  /** Before a session is deleted: log out on WhatsApp and forget it. */
  async remove(row: SessionRow): Promise<void> {
    if (this.cluster && !this.cluster.holds(row.id) && (await this.cluster.forward("remove", row.id))) return;
    const session = this.sessions.get(row.id);
    if (session) {
      await session.logout("session deleted").catch(() => undefined);
      this.sessions.delete(row.id);
    }
    await deleteAuthState(this.ctx.db, row.id);
    await this.cluster?.release([row.id]);
  }

  async applyConfig(row: SessionRef, config: SessionConfig): Promise<void> {
    if (this.cluster && !this.cluster.holds(row.id)) {
      await this.cluster.forward("config", row.id);
      return;
    }
    await this.sessions.get(row.id)?.applyConfig(configOf({ config }));
  }

  async requestPairingCode(row: SessionRow, phone: string): Promise<string> {
    if (this.cluster && !(await this.cluster.ownerFor(row.id, { here: true })).mine) {
      // The pairing code comes from the holder's live socket: lib/sessions/request-pairing-code.ts
      // asks the holder (lib/cluster/ask-holder.ts), which lands here on that node.
      throw new AppError("UNAVAILABLE", "This session is connecting on another gateway node; ask that node for the pairing code");
    }
    const session = this.ensure(row);
    if (session.status !== "QR") await session.start("pairing code requested");
    return session.requestPairingCode(phone);
  }

  /** On the holder, for another node (lib/cluster/ask-holder.ts): a pairing code and the status after it. */
  async requestPairingCodeById(id: string, phone: string): Promise<{ code: string; status: LiveState["status"] }> {
    const row = await this.ctx.db.whatsappSession.findUnique({ where: { id }, select: sessionSelect });
    if (!row) throw new AppError("NOT_FOUND", "Session not found");
    const code = await this.requestPairingCode(row, phone);
    return { code, status: this.live(row).status };
  }

  // --- several nodes (LeasedSessions, called by lib/cluster/cluster-coordinator.ts) -------------

  async startLeased(sessionId: string): Promise<void> {
    if (this.cluster?.halted) return;
    const current = this.sessions.get(sessionId);
    if (current && (current.isOpening || current.status === "CONNECTED" || current.status === "QR")) return;
    const row = await this.ctx.db.whatsappSession.findUnique({ where: { id: sessionId }, select: sessionSelect });
    if (!row || !this.cluster?.holds(sessionId)) return;
    await this.ensure(row).start("taken over by this gateway node");
  }

  closeLost(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    this.sessions.delete(sessionId);
    session?.abandon();
  }

  async stopForHandover(sessionIds: string[]): Promise<void> {
    await Promise.all(
      sessionIds.map(async (id) => {
        const session = this.sessions.get(id);
        this.sessions.delete(id);
        await session?.stop("handed over to another gateway node", { waitClosed: true }).catch(() => undefined);
      }),
    );
  }

  async runCommand(command: Exclude<ClusterCommand, "round">, sessionId: string): Promise<void> {
    const row = await this.ctx.db.whatsappSession.findUnique({ where: { id: sessionId }, select: sessionSelect });
    if (command === "remove") {
      await this.remove(row ?? { id: sessionId, sessionId, ownerId: "", config: {}, status: "DISCONNECTED", statusReason: null, statusChangedAt: new Date() });
      return;
    }
    if (!row) return;
    if (command === "start") await this.connect(row);
    else if (command === "restart") await this.restart(row);
    else if (command === "logout") await this.logout(row);
    else if (command === "config") await this.sessions.get(row.id)?.applyConfig(configOf(row));
  }

  private async isPaired(id: string): Promise<boolean> {
    return (await this.ctx.db.waAuthEntry.count({ where: { sessionId: id, category: "creds" } })) > 0;
  }

  /** A session another node holds: it was asked to act; answer with the stored state once it shows a QR, opened, or the usual connect wait passed. */
  private async elsewhere(command: "start" | "restart", row: SessionRow): Promise<LiveState> {
    await this.cluster!.forward(command, row.id);
    // Its QR code, when it shows one, is the holder's to tell (lib/sessions/get-live-state.ts).
    return this.storedOnceChanged(row, (status) => ["QR", "CONNECTED", "LOGGED_OUT"].includes(status));
  }

  /** The stored state once the holder changed it to one that `done` accepts, or the usual connect wait passed. */
  private async storedOnceChanged(row: SessionRow, done: (status: LiveState["status"]) => boolean): Promise<LiveState> {
    const deadline = Date.now() + this.ctx.connectWaitMs;
    let current = row;
    for (;;) {
      const fresh = await this.ctx.db.whatsappSession.findUnique({ where: { id: row.id }, select: sessionSelect });
      if (fresh) current = fresh;
      const changed = current.statusChangedAt.getTime() !== row.statusChangedAt.getTime();
      if ((changed && done(current.status)) || Date.now() >= deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    return { status: current.status, qr: null, reason: current.statusReason, since: current.statusChangedAt, reconnectAttempts: 0 };
  }

  stats() {
    const byStatus: Record<string, number> = {};
    for (const s of this.sessions.values()) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
    return { managed: this.sessions.size, byStatus };
  }

  /** Shutdown: close every connection without logging out, so the next start restores them. */
  async shutdown(): Promise<void> {
    if (this.watchdogTimer) clearInterval(this.watchdogTimer);
    this.watchdogTimer = null;
    // No round may start a session while they are being closed.
    await this.cluster?.halt();
    await Promise.all([...this.sessions.values()].map((s) => s.stop("gateway shutting down").catch(() => undefined)));
    // Closed first, released after: the next holder never connects while this node still does.
    await this.cluster?.stop();
  }

  private ensure(row: SessionRef & { config: unknown }): ManagedSession {
    let session = this.sessions.get(row.id);
    if (!session) {
      session = new ManagedSession(this.ctx, { id: row.id, sessionId: row.sessionId, ownerId: row.ownerId }, configOf(row));
      this.sessions.set(row.id, session);
    }
    return session;
  }

  /** One timer for all sessions: each connected one must answer a ping in time. */
  startWatchdog(): void {
    if (this.watchdogTimer) return;
    const probing = new Set<string>();
    this.watchdogTimer = setInterval(() => {
      for (const session of this.sessions.values()) {
        // One probe per session at a time, even when the interval is shorter than the timeout.
        if (session.status !== "CONNECTED" || probing.has(session.ref.id)) continue;
        probing.add(session.ref.id);
        session
          .probe(this.watchdog.timeoutMs)
          .then((alive) => (alive ? undefined : session.markZombieAndRestart()))
          .catch((error: unknown) => this.ctx.logger.error({ err: error, sessionId: session.ref.sessionId }, "watchdog could not restart session"))
          .finally(() => probing.delete(session.ref.id));
      }
    }, this.watchdog.intervalMs);
    this.watchdogTimer.unref();
  }
}
