// Owns every WhatsApp session of the process: restores the paired ones at start, starts, restarts
// and logs out on request, and runs the watchdog that turns silent connections into ZOMBIE and
// restarts them. Created once in server.ts; route handlers reach it through getRuntime().sessions.
import type { SessionConfig } from "@/lib/sessions/sessions.schema";
import { DEFAULT_SESSION_CONFIG } from "@/lib/sessions/sessions.schema";
import { deleteAuthState } from "@/lib/whatsapp/postgres-auth-state";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { ManagedSession, type LiveState, type SessionContext } from "@/lib/whatsapp/managed-session";
import { silenceLibsignalConsole } from "@/lib/whatsapp/silence-libsignal-console";

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

export class SessionManager {
  private readonly sessions = new Map<string, ManagedSession>();
  private watchdogTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly ctx: SessionContext,
    private readonly watchdog: WatchdogOptions,
  ) {
    // Before any Signal session exists: libsignal prints session keys to the console otherwise.
    silenceLibsignalConsole(ctx.logger);
  }

  /** Reconnects every session that was connected (paired) when the process last ran. No QR needed. */
  async restoreAll(concurrency = 10): Promise<number> {
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
    return (
      this.sessions.get(row.id)?.live() ?? {
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
    return this.ensure(row).start("restart requested");
  }

  async logout(row: SessionRow): Promise<void> {
    await this.ctx.db.whatsappSession.updateMany({ where: { id: row.id }, data: { autoConnect: false } });
    const session = this.sessions.get(row.id);
    if (session) await session.logout();
    else await deleteAuthState(this.ctx.db, row.id);
  }

  /** Before a session is deleted: log out on WhatsApp and forget it. */
  async remove(row: SessionRow): Promise<void> {
    const session = this.sessions.get(row.id);
    if (session) {
      await session.logout("session deleted").catch(() => undefined);
      this.sessions.delete(row.id);
    }
    await deleteAuthState(this.ctx.db, row.id);
  }

  async applyConfig(row: SessionRef, config: SessionConfig): Promise<void> {
    await this.sessions.get(row.id)?.applyConfig(configOf({ config }));
  }

  async requestPairingCode(row: SessionRow, phone: string): Promise<string> {
    const session = this.ensure(row);
    if (session.status !== "QR") await session.start("pairing code requested");
    return session.requestPairingCode(phone);
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
    await Promise.all([...this.sessions.values()].map((s) => s.stop("gateway shutting down").catch(() => undefined)));
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
