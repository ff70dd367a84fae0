// Starts a production gateway on its own fresh database, for the API and browser tests:
//   node scripts/serve-test.mjs            (PORT, extra env from the environment)
// With DATABASE_URL pointing at a PostgreSQL server, a new database is created there and dropped
// on exit; without it, the embedded PostgreSQL runs in a new temporary DATA_DIR.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { ensureBuild } from "./ensure-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function createTestDatabase(serverUrl) {
  const name = `wagate_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Starts the gateway; resolves once /api/health answers. */
/**
 * Starts the gateway; resolves once /api/health answers. `reuse` (the `state` of an earlier server)
 * starts a second process on the same data directory and database — a restart — and leaves both
 * in place when it stops.
 */
/**
 * Fails at once when something already listens on the port: otherwise the health check below
 * would be answered by that process (e.g. a gateway left running by an interrupted test run, serving
 * an older tree) and the tests would run against it while the new gateway cannot listen.
 */
function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${port} is already in use (a gateway left running by an earlier, interrupted run?): stop that process first`)
          : error,
      ),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

export async function startTestServer({ port, env: extraEnv = {}, quiet = true, reuse = null, databaseParams = {} } = {}) {
  // A test run builds once, before its first gateway (its global setup then sets WAGATE_TEST_BUILT):
  // a gateway started mid-run must not rebuild .next under the gateways already serving from it.
  if (!process.env.WAGATE_TEST_BUILT) ensureBuild();
  await assertPortFree(port);
  const dataDir = reuse?.dataDir ?? mkdtempSync(path.join(tmpdir(), "wagate-test-"));
  const database = reuse ? reuse.database : process.env.DATABASE_URL ? await createTestDatabase(process.env.DATABASE_URL) : null;
  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    ...extraEnv,
  };
  if (database) {
    // `databaseParams`: added to the gateway's database URL, e.g. { connection_limit: "1" }.
    const url = new URL(database.url);
    for (const [key, value] of Object.entries(databaseParams)) url.searchParams.set(key, value);
    env.DATABASE_URL = url.toString();
  } else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/hooks/register.mjs", "server.ts"], {
    cwd: root,
    env,
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`test server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`test server did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    /** The gateway's process id (benchmarks signal it for heap snapshots and read its /proc). */
    pid: child.pid,
    databaseUrl: database?.url ?? null,
    dataDir,
    state: { dataDir, database },
    output: () => output,
    /** Ends the process the hard way (a crash): nothing is cleaned up. */
    kill() {
      child.kill("SIGKILL");
      return new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
    },
    /** SIGTERM, then SIGKILL after 15 s; `keep` leaves data and database for a restart. */
    async stop({ keep = false } = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        // unref: once the child has exited, the fallback timer must not keep the caller alive.
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000).unref())]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      if (keep) return;
      await database?.drop().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startTestServer({ port: Number(process.env.PORT || 3040), quiet: false });
  console.log(`test gateway on ${server.baseUrl}`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
