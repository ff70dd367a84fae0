// Wagate's one process: Next.js (pages and route handlers) and Socket.io on one http server, with
// the database and, as they arrive, the WhatsApp session manager and job workers. Everything
// process-wide is created here and published through lib/server/runtime.ts.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { ensureSecrets, loadDotEnv } from "./lib/server/ensure-secrets";

loadDotEnv();
ensureSecrets();

const { env } = await import("./lib/env");
const { logger } = await import("./lib/logger");
const { startEmbeddedPostgres } = await import("./lib/db/embedded-postgres");
const { applyMigrations } = await import("./lib/db/apply-migrations");
const { createPrismaClient } = await import("./lib/db/create-prisma-client");
const { setRuntime, getRuntime } = await import("./lib/server/runtime");
const { CLIENT_IP_HEADER } = await import("./lib/server/client-ip");
const { ensureSuperadmin } = await import("./lib/users/ensure-superadmin");
const { createSocketServer } = await import("./lib/realtime/create-socket-server");
const next = (await import("next")).default;

const dev = env.NODE_ENV === "development";

const embedded = env.DATABASE_URL ? null : await startEmbeddedPostgres(env.DATA_DIR);
const databaseUrl = env.DATABASE_URL ?? embedded!.url;
const applied = await applyMigrations(databaseUrl);
if (applied.length) logger.info({ applied }, "applied database migrations");

const database = createPrismaClient(databaseUrl);
await ensureSuperadmin(database);
setRuntime({ db: database, io: null, databaseUrl, embeddedDatabase: Boolean(embedded), startedAt: new Date() });

const app = next({ dev, hostname: "localhost", port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();

// Requests being served, so that shutdown can wait for them.
let shuttingDown = false;
let inFlight = 0;
let draining: (() => void) | null = null;

const httpServer = createServer((req: IncomingMessage, res: ServerResponse) => {
  // Route handlers rate-limit by client address; this header is ours, never the client's.
  req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
  inFlight++;
  res.on("close", () => {
    inFlight--;
    if (inFlight === 0) draining?.();
  });
  if (shuttingDown) res.setHeader("Connection", "close");
  handle(req, res).catch((error: unknown) => {
    logger.error({ err: error }, "request failed");
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ error: "Internal server error" }));
    }
  });
});

const io = createSocketServer(httpServer);
setRuntime({ ...getRuntime(), io });

if (dev) {
  const upgrade = app.getUpgradeHandler();
  httpServer.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith("/socket.io")) void upgrade(req, socket, head);
  });
}

await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOST, resolve));
logger.info(
  { url: `http://localhost:${env.PORT}`, database: embedded ? "embedded (PGlite)" : "PostgreSQL", mode: dev ? "development" : "production" },
  "Wagate is listening",
);

async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, "shutting down");
  // Stop accepting, let in-flight requests finish (bounded), then close what they used.
  httpServer.close();
  httpServer.closeIdleConnections();
  io.close();
  if (inFlight > 0) await new Promise<void>((resolve) => ((draining = resolve), setTimeout(resolve, 10_000).unref()));
  await database.$disconnect().catch(() => {});
  await embedded?.stop().catch((error: unknown) => logger.error({ err: error }, "embedded database did not stop cleanly"));
  logger.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
