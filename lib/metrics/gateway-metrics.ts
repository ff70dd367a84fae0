import "server-only";
// The Prometheus metrics of issue 10, created once per process (server.ts) and reached through
// globalThis like the runtime: the hot path (store, send worker, webhook worker) counts, GET
// /metrics (app/metrics/route.ts) renders. Gauges that describe the database (queue depth, oldest
// pending send) are read when scraped.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Db } from "@/lib/db/create-prisma-client";
import { directSqlStats, poolOf } from "@/lib/db/direct-sql";

export interface GatewayMetrics {
  registry: Registry;
  messagesSent: Counter<"session">;
  messagesReceived: Counter<"session">;
  messagesFailed: Counter<"session">;
  webhookDeliveries: Counter<"result">;
  webhookLatency: Histogram<"result">;
}

interface Sources {
  db: Db;
  /** Sessions in memory by status (SessionManager.stats()). */
  sessionsByStatus: () => Record<string, number>;
  /** This node's id when it is one of several (issue 16): every figure carries it as `node`. */
  node?: string | null;
}

const holder = globalThis as unknown as { __wagateMetrics?: GatewayMetrics };

/** Creates the registry (once per process: a second call returns the first). */
export function startGatewayMetrics(sources: Sources): GatewayMetrics {
  if (holder.__wagateMetrics) return holder.__wagateMetrics;
  const registry = new Registry();
  // Process memory and CPU, event-loop lag, handles, GC: prom-client's defaults.
  // Several nodes: Prometheus scrapes each node, and `node` tells their figures apart (the same id
  // as GET /api/health's). A single node keeps today's label-free output.
  if (sources.node) registry.setDefaultLabels({ node: sources.node });
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: "wagate_sessions",
    help: "WhatsApp sessions managed by this process, by status",
    labelNames: ["status"],
    registers: [registry],
    collect() {
      this.reset();
      for (const [status, count] of Object.entries(sources.sessionsByStatus())) this.set({ status }, count);
    },
  });
  let queue: Promise<{ depth: number; oldest: number }> | null = null;
  const readQueue = () =>
    (queue ??= sources.db.$queryRaw<Array<{ depth: bigint; oldest: Date | null }>>`
        SELECT count(*) AS depth, min("createdAt") AS oldest FROM messages WHERE status = 'PENDING' AND payload IS NOT NULL`
      .then(([row]) => ({ depth: Number(row.depth), oldest: row.oldest ? Math.max(0, (Date.now() - row.oldest.getTime()) / 1000) : 0 }))
      .finally(() => setTimeout(() => (queue = null), 0)));
  new Gauge({
    name: "wagate_send_queue_depth",
    help: "Accepted sends not yet sent (PENDING)",
    registers: [registry],
    async collect() {
      this.set((await readQueue()).depth);
    },
  });
  new Gauge({
    name: "wagate_send_queue_oldest_age_seconds",
    help: "Age of the oldest PENDING send",
    registers: [registry],
    async collect() {
      this.set((await readQueue()).oldest);
    },
  });
  // The database pool this process shares between Prisma and the hot path (lib/db/direct-sql.ts).
  new Gauge({
    name: "wagate_db_pool_connections",
    help: "Database connections of this process's pool: open (total), idle, and requests waiting for one",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const pool = poolOf(sources.db);
      this.reset();
      if (!pool) return;
      this.set({ state: "total" }, pool.totalCount);
      this.set({ state: "idle" }, pool.idleCount);
      this.set({ state: "waiting" }, pool.waitingCount);
    },
  });
  new Counter({
    name: "wagate_db_direct_statements_total",
    help: "Hot-path statements sent on the pool directly, without Prisma's query compiler",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(directSqlStats().statements);
    },
  });
  new Counter({
    name: "wagate_db_direct_fallbacks_total",
    help: "Hot-path statements that found no pool and went through Prisma (should stay 0)",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(directSqlStats().fallbacks);
    },
  });
  const metrics: GatewayMetrics = {
    registry,
    messagesSent: new Counter({
      name: "wagate_messages_sent_total",
      help: "Messages sent (SENT) by the send queue",
      labelNames: ["session"],
      registers: [registry],
    }),
    messagesReceived: new Counter({
      name: "wagate_messages_received_total",
      help: "Messages received from contacts",
      labelNames: ["session"],
      registers: [registry],
    }),
    messagesFailed: new Counter({ name: "wagate_messages_failed_total", help: "Sends that FAILED", labelNames: ["session"], registers: [registry] }),
    webhookDeliveries: new Counter({
      name: "wagate_webhook_deliveries_total",
      help: "Webhook delivery attempts by result",
      labelNames: ["result"],
      registers: [registry],
    }),
    webhookLatency: new Histogram({
      name: "wagate_webhook_delivery_seconds",
      help: "Time of one webhook delivery attempt (request to answer)",
      labelNames: ["result"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
  holder.__wagateMetrics = metrics;
  return metrics;
}

/** The process's metrics, or null before server.ts started them (tests that drive parts alone). */
export function gatewayMetrics(): GatewayMetrics | null {
  return holder.__wagateMetrics ?? null;
}
