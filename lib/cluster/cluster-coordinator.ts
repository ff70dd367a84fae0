import "server-only";
// One gateway node's part in a cluster (issue 16, CLUSTER_ENABLED=true on a real PostgreSQL):
// its heartbeat, the session leases it holds, and the rounds in which it takes over free sessions
// or gives away more than its share.
//
// The safety rule: a node keeps a session's socket open only while it is sure its lease has not
// expired. It measures that on its own clock from the moment it SENT the renewal that succeeded
// (the database set the expiry later than that, so the node errs early), minus one heartbeat of
// margin. A checker independent of the database closes every socket whose lease may lapse —
// even while a renewal hangs on an unreachable database — so the socket is closed before any other
// node may claim the lease. A renewal that comes back without a session (taken over meanwhile)
// closes it at once. (A process frozen for longer than the margin — a stopped VM — is the one case
// this cannot cover; fencing the writes with the lease token is the next step.)
//
// Rounds run every heartbeat, one at a time: beat, renew, reconcile (lost leases closed, leases
// another node assigned to us started), then share: a node takes free sessions up to its fair share
// (ceil(sessions / live nodes)), and a node holding more than its share while another live node is
// well below it hands the excess over (closes those sockets, releases the leases).
//
// Commands between nodes (start this new session, restart, log out, apply its settings) travel
// with PostgreSQL NOTIFY on one channel to the lease holder, which LISTENs on its own connection.
import pg from "pg";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/create-prisma-client";
import {
  assignLease,
  beat,
  claimFreeSessions,
  clusterLoad,
  leaseHolder,
  markNodeStopped,
  releaseLeases,
  renewLeases,
  type HeldLease,
} from "@/lib/cluster/session-leases";

export const CLUSTER_CHANNEL = "wagate_cluster";

const START_CONCURRENCY = 10;

export type ClusterCommand = "start" | "restart" | "logout" | "remove" | "config" | "round";

/** What the coordinator needs of the session manager. */
export interface LeasedSessions {
  /** The lease was won: connect the session (restored credentials, no QR). */
  startLeased(sessionId: string): Promise<void>;
  /** The lease may lapse or was taken: close the socket now, write nothing (another node may own it). */
  closeLost(sessionId: string): void;
  /** Clean hand-over: close these sockets (status written), before their leases are released. */
  stopForHandover(sessionIds: string[]): Promise<void>;
  /** Another node asked the holder to act on one of its sessions. */
  runCommand(command: Exclude<ClusterCommand, "round">, sessionId: string): Promise<void>;
}

export interface ClusterCoordinatorOptions {
  /**
   * A client of its own (a small pool): heartbeats and renewals must never queue behind the
   * sessions' own database work, or a busy node would lose its leases.
   */
  db: Db;
  /** Where to LISTEN for commands (the database URL). */
  listenUrl: string;
  nodeId: string;
  address: string;
  heartbeatMs: number;
  leaseMs: number;
  logger: Logger;
}

interface Held {
  token: number;
  /** Local clock (performance.now()): the socket must be closed by then unless renewed. */
  validUntil: number;
}

export class ClusterCoordinator {
  readonly nodeId: string;
  private readonly held = new Map<string, Held>();
  /** Being handed over: renewals must not mistake them for newly assigned. */
  private readonly releasing = new Set<string>();
  private sessions: LeasedSessions | null = null;
  private roundTimer: NodeJS.Timeout | null = null;
  private checkTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private listener: pg.Client | null = null;
  private listenRetry: NodeJS.Timeout | null = null;
  private readonly margin: number;
  private readonly topics = new Map<string, (payload: string | null) => void>();
  private readonly notifying = new Map<string, { again: boolean }>();
  private readonly startQueue: { sessionId: string; why: string }[] = [];
  private starting = 0;

  constructor(private readonly options: ClusterCoordinatorOptions) {
    this.nodeId = options.nodeId;
    // Two renewals may fail before a socket is closed, and it still closes a heartbeat early.
    this.margin = Math.min(options.heartbeatMs, options.leaseMs / 3);
  }

  /** Registers the node and starts listening; sessions are taken by the first round (restoreAll). */
  async start(sessions: LeasedSessions): Promise<void> {
    this.sessions = sessions;
    await beat(this.options.db, this.nodeId, this.options.address);
    await this.listen();
    this.checkTimer = setInterval(() => this.closeLapsing(), Math.max(50, Math.min(1000, this.margin / 4)));
    this.checkTimer.unref();
  }

  /** Runs a round now (or right after the one running) and resolves when it is done. */
  round(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    if (this.roundTimer) clearTimeout(this.roundTimer);
    this.roundTimer = null;
    this.running = this.runRound()
      .catch((error: unknown) => this.options.logger.error({ err: error }, "cluster round failed"))
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          void this.round();
          return;
        }
        this.roundTimer = setTimeout(() => void this.round(), this.options.heartbeatMs);
        this.roundTimer.unref();
      });
    return this.running;
  }

  holds(sessionId: string): boolean {
    return this.held.has(sessionId);
  }

  /** The lease to fence this node's writes for the session with; null once it may have lapsed. */
  fenceOf(sessionId: string): { nodeId: string; token: number } | null {
    const lease = this.held.get(sessionId);
    return lease && lease.validUntil > performance.now() ? { nodeId: this.nodeId, token: lease.token } : null;
  }

  /** Another node holds this session's lease now (one query: for rare decisions, not per message). */
  async heldElsewhere(sessionId: string): Promise<boolean> {
    if (this.held.has(sessionId)) return false;
    const holder = await leaseHolder(this.options.db, sessionId);
    return holder !== null && holder.nodeId !== this.nodeId;
  }

  heldCount(): number {
    return this.held.size;
  }

  /**
   * A connect request for a session: the holder when it has one; otherwise the lease is assigned
   * to the least-loaded live node (this one when it is among the least loaded). `here` keeps it on
   * this node: a session still to be paired shows its QR and pairing code to whoever asked this
   * node to connect it — any node can answer those (lib/cluster/ask-holder.ts), but the user's next
   * requests most likely come here, so they need no hop (rebalancing spreads it later).
   */
  async ownerFor(sessionId: string, options: { here?: boolean } = {}): Promise<{ nodeId: string; mine: boolean }> {
    if (this.held.has(sessionId)) return { nodeId: this.nodeId, mine: true };
    const { db, leaseMs, heartbeatMs } = this.options;
    const current = await leaseHolder(db, sessionId);
    if (current) return { nodeId: current.nodeId, mine: current.nodeId === this.nodeId };
    let target = this.nodeId;
    if (!options.here) {
      const load = await clusterLoad(db, liveWindow(heartbeatMs, leaseMs));
      const fewest = Math.min(...load.nodes.map((n) => n.sessions), this.held.size);
      if (this.held.size > fewest) target = load.nodes.find((n) => n.sessions === fewest)?.id ?? this.nodeId;
    }
    const sentAt = performance.now();
    const holder = await assignLease(db, sessionId, target, leaseMs);
    if (!holder) throw new Error("session lease could not be assigned");
    if (holder.nodeId === this.nodeId) this.held.set(sessionId, { token: holder.token, validUntil: sentAt + leaseMs - this.margin });
    else if (holder.nodeId === target) await this.send(target, "round", sessionId);
    return { nodeId: holder.nodeId, mine: holder.nodeId === this.nodeId };
  }

  /** Asks the holder of a session to act on it; false when nobody holds it. */
  async forward(command: Exclude<ClusterCommand, "round">, sessionId: string): Promise<boolean> {
    const holder = await leaseHolder(this.options.db, sessionId);
    if (!holder) return false;
    await this.send(holder.nodeId, command, sessionId);
    return true;
  }

  /** Runs `handler` when another node broadcasts on `topic` (e.g. "webhooks": a tenant's webhooks changed). */
  onBroadcast(topic: string, handler: (payload: string | null) => void): void {
    this.topics.set(topic, handler);
  }

  /** Tells every other node (after commit); a lost notification is covered by the receivers' own expiry. */
  broadcast(topic: string, payload: string | null): void {
    this.options.db.$executeRaw`SELECT pg_notify(${CLUSTER_CHANNEL}, ${JSON.stringify({ to: "*", from: this.nodeId, topic, payload })})`.catch(
      (error: unknown) => this.options.logger.warn({ err: error, topic }, "cluster broadcast failed"),
    );
  }

  /**
   * Tells the node holding `sessionId` (if another one does) about it on `topic`, in one statement
   * — e.g. "send-queue": a send was accepted here, so its lane there starts now rather than at its
   * next poll. Calls that come while one is on its way are folded into one more afterwards.
   */
  notifyHolder(topic: string, sessionId: string): void {
    const key = `${topic}\u0000${sessionId}`;
    const state = this.notifying.get(key);
    if (state) {
      state.again = true;
      return;
    }
    const entry = { again: false };
    this.notifying.set(key, entry);
    const run = async (): Promise<void> => {
      await this.options.db.$executeRaw`
        SELECT pg_notify(${CLUSTER_CHANNEL}, json_build_object('to', "nodeId", 'from', ${this.nodeId}::text, 'topic', ${topic}::text, 'payload', "sessionId")::text)
        FROM "session_leases" WHERE "sessionId" = ${sessionId} AND "nodeId" IS NOT NULL AND "nodeId" <> ${this.nodeId}`;
      if (entry.again) {
        entry.again = false;
        return run();
      }
    };
    run()
      .catch((error: unknown) => this.options.logger.warn({ err: error, topic }, "could not notify a session's holder"))
      .finally(() => this.notifying.delete(key));
  }

  /** Gives back the leases of sessions this node stopped on purpose (logout, delete). */
  async release(sessionIds: string[]): Promise<void> {
    for (const id of sessionIds) this.held.delete(id);
    await releaseLeases(this.options.db, this.nodeId, sessionIds);
  }

  get halted(): boolean {
    return this.stopped;
  }

  /** Shutdown, first step: no more rounds (nothing new is started); the lapse checker keeps watch. */
  async halt(): Promise<void> {
    this.stopped = true;
    if (this.roundTimer) clearTimeout(this.roundTimer);
    // A round stuck on an unreachable database must not hold the shutdown up: its leases lapse anyway.
    await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, this.options.leaseMs).unref())]);
  }

  /**
   * Shutdown, after the session manager closed every socket: release all leases so other nodes
   * take the sessions over at their next round rather than after the lease expired.
   */
  async stop(): Promise<void> {
    await this.halt();
    if (this.checkTimer) clearInterval(this.checkTimer);
    if (this.listenRetry) clearTimeout(this.listenRetry);
    const ids = [...this.held.keys()];
    this.held.clear();
    try {
      await releaseLeases(this.options.db, this.nodeId, ids);
      await markNodeStopped(this.options.db, this.nodeId);
      // Wake the others so they take the sessions now rather than at their next heartbeat.
      await this.options.db.$executeRaw`SELECT pg_notify(${CLUSTER_CHANNEL}, ${JSON.stringify({ to: "*", from: this.nodeId, command: "round" })})`;
    } catch (error) {
      this.options.logger.warn({ err: error }, "leases not released: other nodes take the sessions over when they expire");
    }
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
  }

  // ------------------------------------------------------------------------------------------

  private async runRound(): Promise<void> {
    const { db, nodeId, address, leaseMs, heartbeatMs, logger } = this.options;
    const sessions = this.sessions!;
    const sentAt = performance.now();
    await beat(db, nodeId, address);
    const renewed = await renewLeases(db, nodeId, leaseMs);
    const validUntil = sentAt + leaseMs - this.margin;
    const seen = new Set<string>();
    const assigned: string[] = [];
    for (const lease of renewed) {
      if (this.releasing.has(lease.sessionId)) continue;
      seen.add(lease.sessionId);
      const known = this.held.get(lease.sessionId);
      if (known && known.token === lease.token) known.validUntil = Math.max(known.validUntil, validUntil);
      else {
        this.held.set(lease.sessionId, { token: lease.token, validUntil });
        assigned.push(lease.sessionId);
      }
    }
    // Held here but not renewed: another node took it (we could not renew in time), or it was
    // released by a logout. Either way it is not ours: close without writing anything.
    for (const id of [...this.held.keys()]) {
      if (seen.has(id)) continue;
      // Won by ownerFor after this renewal was sent: it is still valid, keep it.
      if ((this.held.get(id)?.validUntil ?? 0) > validUntil) continue;
      this.held.delete(id);
      logger.warn({ session: id }, "session lease lost: connection closed");
      sessions.closeLost(id);
    }
    for (const id of assigned) this.startDetached(id, "assigned");

    // Sharing: take free sessions up to the fair share; hand over a clear excess.
    const load = await clusterLoad(db, liveWindow(heartbeatMs, leaseMs));
    const live = Math.max(1, load.nodes.length + (load.nodes.some((n) => n.id === nodeId) ? 0 : 1));
    const total = load.held + load.free;
    const fair = Math.ceil(total / live);
    const mine = this.held.size;
    if (load.free > 0) {
      let quota = fair - mine;
      // Nobody else would take them (every node at its share, e.g. a dead node still counted as
      // live for a moment): the least loaded node takes them anyway.
      const fewest = Math.min(...load.nodes.filter((n) => n.id !== nodeId).map((n) => n.sessions), Infinity);
      if (quota <= 0 && mine <= fewest) quota = Math.max(1, Math.ceil(load.free / live));
      const claimSentAt = performance.now();
      const won = await claimFreeSessions(db, nodeId, leaseMs, Math.min(quota, load.free));
      for (const lease of won) {
        this.held.set(lease.sessionId, { token: lease.token, validUntil: claimSentAt + leaseMs - this.margin });
        this.startDetached(lease.sessionId, "claimed");
      }
      if (won.length) logger.info({ sessions: won.length, held: this.held.size }, "sessions taken over");
    } else {
      const others = load.nodes.filter((n) => n.id !== nodeId);
      // Above the share while another node is below it: the total is at most share × nodes, so
      // moving the excess converges; nobody claims beyond its share, so it does not swing back.
      const underloaded = others.some((n) => n.sessions < fair);
      const excess = mine - fair;
      if (excess > 0 && underloaded) await this.handOver([...this.held.keys()].slice(0, excess));
    }
  }

  private async handOver(ids: string[]): Promise<void> {
    for (const id of ids) {
      this.held.delete(id);
      this.releasing.add(id);
    }
    try {
      await this.sessions!.stopForHandover(ids);
      await releaseLeases(this.options.db, this.nodeId, ids);
      this.options.logger.info({ sessions: ids.length }, "sessions handed over to less loaded nodes");
      await this.options.db.$executeRaw`SELECT pg_notify(${CLUSTER_CHANNEL}, ${JSON.stringify({ to: "*", from: this.nodeId, command: "round" })})`;
    } finally {
      for (const id of ids) this.releasing.delete(id);
    }
  }

  /**
   * Starts won sessions at most START_CONCURRENCY at a time (as restoreAll does on a single node):
   * thirty sessions opening at once starve the database pool and the process for many seconds.
   */
  private startDetached(sessionId: string, why: string) {
    this.startQueue.push({ sessionId, why });
    this.drainStarts();
  }

  private drainStarts() {
    while (this.starting < START_CONCURRENCY && this.startQueue.length) {
      const { sessionId, why } = this.startQueue.shift()!;
      this.starting++;
      this.sessions!.startLeased(sessionId)
        .catch((error: unknown) => this.options.logger.error({ err: error, session: sessionId, why }, "could not start a leased session"))
        .finally(() => {
          this.starting--;
          this.drainStarts();
        });
    }
  }

  /** Closes every socket whose lease could lapse before the next renewal can succeed. */
  private closeLapsing() {
    const now = performance.now();
    for (const [id, lease] of this.held) {
      if (lease.validUntil > now) continue;
      this.held.delete(id);
      this.options.logger.warn({ session: id }, "session lease not renewed in time: connection closed before it could expire");
      this.sessions?.closeLost(id);
    }
  }

  private async send(to: string, command: ClusterCommand, sessionId: string) {
    await this.options.db.$executeRaw`SELECT pg_notify(${CLUSTER_CHANNEL}, ${JSON.stringify({ to, from: this.nodeId, command, sessionId })})`;
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const c = new pg.Client({ connectionString: this.options.listenUrl });
    const reconnect = (error?: unknown) => {
      if (this.stopped || this.listener !== c) return;
      this.listener = null;
      if (error) this.options.logger.warn({ err: error }, "cluster LISTEN connection lost; reconnecting");
      c.end().catch(() => {});
      this.listenRetry = setTimeout(() => void this.listen(), 1000);
      this.listenRetry.unref();
    };
    c.on("error", reconnect);
    c.on("end", () => reconnect());
    c.on("notification", (message) => {
      if (message.channel !== CLUSTER_CHANNEL || !message.payload) return;
      let parsed: { to?: string; from?: string; command?: ClusterCommand; sessionId?: string; topic?: string; payload?: string | null };
      try {
        parsed = JSON.parse(message.payload);
      } catch {
        return;
      }
      if (parsed.from === this.nodeId || (parsed.to !== this.nodeId && parsed.to !== "*")) return;
      if (parsed.topic) {
        this.topics.get(parsed.topic)?.(parsed.payload ?? null);
        return;
      }
      if (parsed.command === "round" || !parsed.sessionId) {
        void this.round();
        return;
      }
      const { command, sessionId } = parsed;
      if (!command || !this.held.has(sessionId)) {
        // Not ours (yet): a round finds a lease assigned to us.
        void this.round();
        return;
      }
      this.sessions
        ?.runCommand(command, sessionId)
        .catch((error: unknown) => this.options.logger.error({ err: error, session: sessionId, command }, "cluster command failed"));
    });
    this.listener = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${CLUSTER_CHANNEL}`);
    } catch (error) {
      reconnect(error);
    }
  }
}

/** A node counts as live while its heartbeat is at most this old: two missed beats, never more than a lease. */
export function liveWindow(heartbeatMs: number, leaseMs: number): number {
  return Math.min(leaseMs, heartbeatMs * 2.5);
}

export type { HeldLease };
