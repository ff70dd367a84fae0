// Wagate's one process: Next.js (pages and route handlers) and Socket.io on one http server, with
// the database, the WhatsApp session manager and (in sandbox mode) the emulated WhatsApp network.
// Everything process-wide is created here and published through lib/server/runtime.ts.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { hostname } from "node:os";
import { ensureSecrets, loadDotEnv } from "./lib/server/ensure-secrets";

loadDotEnv();
ensureSecrets();

const { env } = await import("./lib/env");
const { logger } = await import("./lib/logger");
const { applyMigrations } = await import("./lib/db/apply-migrations");
const { createPrismaClient } = await import("./lib/db/create-prisma-client");
const { setRuntime } = await import("./lib/server/runtime");
const { CLIENT_IP_HEADER } = await import("./lib/server/client-ip");
const { answerClientError, applySecurityHeaders, giveEmptyErrorsABody, rejectMalformedUrl } = await import("./lib/server/harden-http");
const { leaveApiWritesUncompressed } = await import("./lib/server/uncompressed-api-writes");
const { ensureSuperadmin } = await import("./lib/users/ensure-superadmin");
const { createSocketServer } = await import("./lib/realtime/create-socket-server");
const { startCallerChangeBus } = await import("./lib/realtime/caller-change-bus");
const { forgetApiKeysOnCallerChanges } = await import("./lib/api-keys/api-key-cache");
const { attachClusterAdapter } = await import("./lib/realtime/attach-cluster-adapter");
const { answerHolderRequests } = await import("./lib/cluster/ask-holder");
const { relaySessionEvents } = await import("./lib/realtime/emit-session-event");
const { EventOutbox } = await import("./lib/events/event-outbox");
const { createCredentialsCipher } = await import("./lib/whatsapp/credentials-cipher");
const { SessionManager } = await import("./lib/whatsapp/session-manager");
const { useRemoteEmulator } = await import("./lib/sandbox/use-remote-emulator");
const { ClusterCoordinator } = await import("./lib/cluster/cluster-coordinator");
const { WEBHOOKS_TOPIC } = await import("./lib/events/webhooks-changed");
const { safeFetch } = await import("./lib/net/safe-fetch");
const { saveIncomingMedia } = await import("./lib/media/save-incoming-media");
const { startSendWorker, SEND_QUEUE_TOPIC } = await import("./lib/messages/send-worker");
const { startWebhookWorker } = await import("./lib/webhooks/webhook-worker");
const { startEventPruner } = await import("./lib/events/start-event-pruner");
const { startAutoReplier } = await import("./lib/autoreplies/start-autoreplier");
const { failMissedScheduledSends } = await import("./lib/schedules/fail-missed-scheduled-sends");
const { startScheduleWorker } = await import("./lib/schedules/start-schedule-worker");
const { startCampaignRunner } = await import("./lib/campaigns/campaign-runner");
const { announceWebhookAttempt } = await import("./lib/webhooks/announce-webhook-attempt");
const { directRouteFor, serveRouteDirectly } = await import("./lib/server/serve-route-directly");
const next = (await import("next")).default;

const dev = env.NODE_ENV === "development";

// --- database ---------------------------------------------------------------------------------
// PGlite, the emulator and the cluster's carriers are imported only where they are used: an idle
// gateway otherwise holds their code for nothing (issue 10's baseline memory; BENCHMARKS.md).
const embedded = env.DATABASE_URL ? null : await (await import("./lib/db/embedded-postgres")).startEmbeddedPostgres(env.DATA_DIR);
const databaseUrl = env.DATABASE_URL ?? embedded!.url;
const applied = await applyMigrations(databaseUrl);
if (applied.length) logger.info({ applied }, "applied database migrations");
const database = createPrismaClient(databaseUrl);
await ensureSuperadmin(database);

// --- WhatsApp ---------------------------------------------------------------------------------
const remoteEmulator =
  env.WA_MODE === "sandbox" && env.SANDBOX_EMULATOR_URL ? useRemoteEmulator(env.SANDBOX_EMULATOR_URL, env.SANDBOX_EMULATOR_ROOT ?? "") : null;
const sandbox =
  env.WA_MODE === "sandbox" && !remoteEmulator ? await (await import("./lib/sandbox/start-sandbox")).startSandbox(env.DATA_DIR, env.SANDBOX_PORT) : null;
if (remoteEmulator) logger.warn({ emulator: env.SANDBOX_EMULATOR_URL }, "SANDBOX MODE: sessions connect to an emulated WhatsApp network in another process");
if (sandbox) logger.warn({ emulator: sandbox.emulator.wsUrl }, "SANDBOX MODE: sessions connect to an emulated WhatsApp network, not to WhatsApp");

let io: import("socket.io").Server | null = null;
const outbox = new EventOutbox(database, () => io);
const sessions = new SessionManager(
  {
    db: database,
    cipher: createCredentialsCipher(env.APP_SECRET),
    outbox,
    logger: logger.child({ module: "sessions" }),
    baileysLogger: logger.child({ module: "baileys" }, { level: env.WA_LOG_LEVEL }),
    backoff: { initialMs: env.WA_RECONNECT_INITIAL_MS, maxMs: env.WA_RECONNECT_MAX_MS },
    socketOptions: () => sandbox?.socketOptions() ?? remoteEmulator?.socketOptions() ?? {},
    connectWaitMs: env.WA_CONNECT_WAIT_MS,
    saveIncomingMedia: (session, msg, sock) =>
      saveIncomingMedia(
        {
          db: database,
          dataDir: env.DATA_DIR,
          downloadOptions: sandbox?.emulator.downloadOptions,
          downloadContext: { reuploadRequest: sock.updateMediaMessage, logger: logger.child({ module: "media" }) },
        },
        session,
        msg,
      ),
    fetchBytes: async (url) => (await safeFetch(url, { maxBytes: 5 * 1024 * 1024, timeoutMs: 15_000, allowPrivate: env.ALLOW_PRIVATE_NETWORK_URLS })).body,
  },
  { intervalMs: env.WA_WATCHDOG_INTERVAL_MS, timeoutMs: env.WA_WATCHDOG_TIMEOUT_MS },
);

// Revocations reach open sockets on this node at once and on other nodes through LISTEN/NOTIFY
// (not on the embedded database: it serves one process only).
const callerChanges = await startCallerChangeBus({
  db: database,
  listenUrl: embedded ? null : databaseUrl,
  logger: logger.child({ module: "caller-changes" }),
});
// First on the bus: cached API-key callers are dropped before anything re-resolves a caller.
forgetApiKeysOnCallerChanges(callerChanges);

// Several nodes on one PostgreSQL (issue 16): sessions are leased to one node at a time. Off unless
// asked for; the embedded database serves one process, so a cluster cannot use it.
let cluster: import("./lib/cluster/cluster-coordinator").ClusterCoordinator | null = null;
let clusterDatabase: typeof database | null = null;
if (env.CLUSTER_ENABLED && embedded) {
  logger.warn("CLUSTER_ENABLED is ignored: several nodes need a shared PostgreSQL (DATABASE_URL); running as a single node on the embedded database");
} else if (env.CLUSTER_ENABLED) {
  cluster = new ClusterCoordinator({
    db: (clusterDatabase = createPrismaClient(databaseUrl, 3)),
    listenUrl: databaseUrl,
    nodeId: randomUUID(),
    address: `${hostname()}:${env.PORT}`,
    heartbeatMs: env.CLUSTER_HEARTBEAT_MS,
    leaseMs: env.CLUSTER_LEASE_MS,
    logger: logger.child({ module: "cluster" }),
  });
  // Another node changed a tenant's webhooks: this node's cache of them forgets the tenant.
  cluster.onBroadcast(WEBHOOKS_TOPIC, (ownerId) => outbox.webhooks.invalidate(ownerId ?? undefined));
  await sessions.joinCluster(cluster);
  logger.info({ node: cluster.nodeId, heartbeatMs: env.CLUSTER_HEARTBEAT_MS, leaseMs: env.CLUSTER_LEASE_MS }, "joined the cluster");
}

const runtime: import("./lib/server/runtime").Runtime = {
  db: database,
  io,
  sessions,
  outbox,
  workers: [],
  sandbox,
  databaseUrl,
  embeddedDatabase: Boolean(embedded),
  startedAt: new Date(),
  callerChanges,
  cluster,
};
setRuntime(runtime);

// --- http: Next.js and Socket.io on one port ------------------------------------------------------
const app = next({ dev, hostname: "localhost", port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();
// The hot path's routes, called without Next.js's router (issue 10; see serve-route-directly.ts):
// every door's send, and the sandbox contact's message. Only routes whose handler uses none of
// Next.js's request-scoped APIs, does not read the request's stream (`req.body`; withAuth and the
// multipart reader use readCappedBody, which knows where a small body is) and answers in one piece
// (JSON) may be listed.
const directRoutes: import("./lib/server/serve-route-directly").DirectRoutes =
  !dev && env.DIRECT_ROUTES
    ? {
        "POST /api/chat/send": async () => (await import("./app/api/chat/send/route")).POST,
        "POST /api/messages/send": async () => (await import("./app/api/messages/send/route")).POST, // Automation API
        "POST /api/v1/messages": async () => (await import("./app/api/v1/messages/route")).POST, // Campaign API
        "POST /api/whatsapp/chats/send-text": async () => (await import("./app/api/whatsapp/chats/send-text/route")).POST, // Chatery
        "POST /api/whatsapp/chats/send-image": async () => (await import("./app/api/whatsapp/chats/send-image/route")).POST,
        "POST /api/whatsapp/chats/send-document": async () => (await import("./app/api/whatsapp/chats/send-document/route")).POST,
        "POST /api/whatsapp/chats/send-audio": async () => (await import("./app/api/whatsapp/chats/send-audio/route")).POST,
        "POST /api/whatsapp/chats/send-location": async () => (await import("./app/api/whatsapp/chats/send-location/route")).POST,
        "POST /api/whatsapp/chats/send-contact": async () => (await import("./app/api/whatsapp/chats/send-contact/route")).POST,
        "POST /api/whatsapp/chats/send-poll": async () => (await import("./app/api/whatsapp/chats/send-poll/route")).POST,
        "POST /api/whatsapp/chats/send-button": async () => (await import("./app/api/whatsapp/chats/send-button/route")).POST,
        "POST /api/sandbox/contacts/[phone]/messages": async () => (await import("./app/api/sandbox/contacts/[phone]/messages/route")).POST,
      }
    : {};

let shuttingDown = false;
let inFlight = 0; // requests being served, so that shutdown can wait for them
let drained: (() => void) | null = null;

const httpServer = createServer((req: IncomingMessage, res: ServerResponse) => {
  // Route handlers rate-limit by client address; this header is ours, never the client's.
  req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
  inFlight++;
  res.on("close", () => {
    inFlight--;
    if (inFlight === 0) drained?.();
  });
  if (shuttingDown) res.setHeader("Connection", "close");
  applySecurityHeaders(req, res);
  if (rejectMalformedUrl(req, res)) return;
  leaveApiWritesUncompressed(req);
  giveEmptyErrorsABody(req, res);
  const direct = directRouteFor(directRoutes, req);
  (direct ? serveRouteDirectly(direct, req, res) : handle(req, res)).catch((error: unknown) => {
    logger.error({ err: error }, "request failed");
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ error: "Internal server error" }));
    }
  });
});

httpServer.on("clientError", answerClientError);
io = createSocketServer(httpServer, callerChanges);
runtime.io = io;
// Several nodes: rooms span the nodes (over PostgreSQL, or Redis when REDIS_URL is set)…
const socketAdapter = cluster ? await attachClusterAdapter(io, { databaseUrl, redisUrl: env.REDIS_URL, logger: logger.child({ module: "socket.io" }) }) : null;
runtime.clusterAdapter = socketAdapter?.kind ?? null;
if (socketAdapter) logger.info({ adapter: socketAdapter.kind }, "Socket.io cluster adapter attached");
if (cluster) {
  // …each node emits every session's events to its own clients, in each payload format…
  relaySessionEvents(io);
  // …and requests that need a session's live connection go to the node holding it.
  answerHolderRequests(io, sessions);
}

if (dev) {
  const upgrade = app.getUpgradeHandler();
  httpServer.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith("/socket.io")) void upgrade(req, socket, head);
  });
}

// A port already taken ends the process with a clear message: Next's own handler for uncaught
// errors would otherwise keep it running without listening, answering nothing.
await new Promise<void>((resolve) => {
  const cannotListen = (error: NodeJS.ErrnoException) => {
    logger.fatal({ err: error, port: env.PORT, host: env.HOST }, error.code === "EADDRINUSE" ? `port ${env.PORT} is already in use` : "cannot listen");
    process.exit(1);
  };
  httpServer.once("error", cannotListen);
  httpServer.listen(env.PORT, env.HOST, () => {
    httpServer.off("error", cannotListen);
    resolve();
  });
});
// Started by the test harness (scripts/serve-test.mjs, over an IPC channel): it waits for this, since
// a health check on the port alone could be answered by another process that took the port.
process.send?.({ wagate: "listening" });
logger.info(
  {
    url: `http://localhost:${env.PORT}`,
    database: embedded ? "embedded (PGlite)" : "PostgreSQL",
    mode: dev ? "development" : "production",
    whatsapp: env.WA_MODE,
  },
  "Wagate is listening",
);

// Paired sessions come back on their own: no QR after a restart or a deploy.
const restored = await sessions.restoreAll();
if (restored) logger.info({ restored }, "restored WhatsApp sessions");
sessions.startWatchdog();

// --- metrics (GET /metrics, issue 10) -----------------------------------------------------------
const { startGatewayMetrics } = await import("./lib/metrics/gateway-metrics");
startGatewayMetrics({ db: database, sessionsByStatus: () => sessions.stats().byStatus, node: cluster?.nodeId });

// --- background workers -------------------------------------------------------------------------
// Each is started here and registered on the runtime, so route handlers can wake it and shutdown
// can stop it. (Send queue: lib/messages; webhook delivery: lib/webhooks; campaigns: lib/campaigns.)
const workers = runtime.workers;
// Scheduled sends that are far too late after a downtime are FAILED before the send queue starts.
const missed = await failMissedScheduledSends(database, outbox, env.SCHEDULE_MAX_LATENESS_MS);
if (missed) logger.warn({ missed }, "scheduled sends failed: their time passed while the gateway was down");
workers.push(
  startSendWorker({
    db: database,
    sessions,
    outbox,
    logger: logger.child({ module: "send-queue" }),
    maxAttempts: env.SEND_MAX_ATTEMPTS,
    waitForConnectionMs: env.SEND_WAIT_FOR_CONNECTION_MS,
    echoWaitMs: env.SEND_ECHO_WAIT_MS,
    cluster,
    pacing: { minGapMs: env.PACING_MIN_GAP_MS, jitterMs: env.PACING_JITTER_MS, maxPerMinute: env.PACING_MAX_PER_MINUTE },
  }),
);
// A send accepted by another node for a session held here: its lane starts now, not at the next poll.
cluster?.onBroadcast(SEND_QUEUE_TOPIC, (sessionId) => sessionId && workers.find((w) => w.name === "send-queue")?.wake(sessionId));
workers.push(
  startWebhookWorker({ db: database, outbox, logger: logger.child({ module: "webhooks" }), onAttempt: (attempt) => announceWebhookAttempt(io, attempt) }),
);
workers.push(startEventPruner({ db: database, logger: logger.child({ module: "events" }), retentionDays: env.EVENT_RETENTION_DAYS }));
// Automation: auto-replies and recurring schedules, both through the send queue.
workers.push(
  startScheduleWorker({
    db: database,
    outbox,
    logger: logger.child({ module: "schedules" }),
    pollMs: env.SCHEDULE_POLL_MS,
    maxLatenessMs: env.SCHEDULE_MAX_LATENESS_MS,
  }),
);
workers.push(
  startAutoReplier({
    db: database,
    outbox,
    logger: logger.child({ module: "autoreplies" }),
    maxAgeMs: env.AUTOREPLY_MAX_AGE_MS,
    liveSession: (id) => sessions.get(id),
  }),
);
workers.push(
  startCampaignRunner({
    db: database,
    sessions,
    nodeId: cluster?.nodeId ?? null,
    outbox,
    logger: logger.child({ module: "campaigns" }),
    stopWords: env.CAMPAIGN_STOP_WORDS,
  }),
);

// --- shutdown -----------------------------------------------------------------------------------
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, "shutting down");
  // Stop accepting, let in-flight requests finish (bounded), close WhatsApp connections without
  // logging out (so they are restored next time), then close what they used.
  httpServer.close();
  httpServer.closeIdleConnections();
  io?.close();
  if (inFlight > 0) await new Promise<void>((resolve) => ((drained = resolve), setTimeout(resolve, 10_000).unref()));
  await Promise.all(
    runtime.workers.map((w) => w.stop().catch((error: unknown) => logger.error({ err: error, worker: w.name }, "worker did not stop cleanly"))),
  );
  await sessions.shutdown();
  await sandbox?.stop().catch((error: unknown) => logger.error({ err: error }, "sandbox did not stop cleanly"));
  await callerChanges.stop();
  await socketAdapter?.close().catch(() => {});
  await clusterDatabase?.$disconnect().catch(() => {});
  await database.$disconnect().catch(() => {});
  await embedded?.stop().catch((error: unknown) => logger.error({ err: error }, "embedded database did not stop cleanly"));
  logger.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
// A stray rejection in one session's or worker's background task must not take every other
// session down with the process: log it loudly and keep serving.
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
process.on("SIGINT", () => void shutdown("SIGINT"));
