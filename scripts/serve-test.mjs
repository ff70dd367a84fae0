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

/** A TCP port that was free a moment ago on 127.0.0.1 (anything may take it before it is used). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** How many free ports a gateway without a given port tries before giving up. */
const PORT_ATTEMPTS = 5;

/**
 * Starts the gateway; resolves once it listens and /api/health answers. `port`: the port to listen
 * on; without it, a free one — and another one if something took it between the probe and the
 * gateway's listen (an outgoing connection's ephemeral port, a gateway of a parallel test file).
 * `reuse` (the `state` of an earlier server) starts a second process on the same data directory and
 * database — a restart — and leaves both in place when it stops.
 */
export async function startTestServer({ port = 0, env: extraEnv = {}, quiet = true, reuse = null, databaseParams = {} } = {}) {
  // A test run builds once, before its first gateway (its global setup then sets WAGATE_TEST_BUILT):
  // a gateway started mid-run must not rebuild .next under the gateways already serving from it.
  if (!process.env.WAGATE_TEST_BUILT) ensureBuild();
  if (port) await assertPortFree(port);
  const dataDir = reuse?.dataDir ?? mkdtempSync(path.join(tmpdir(), "wagate-test-"));
  const database = reuse ? reuse.database : process.env.DATABASE_URL ? await createTestDatabase(process.env.DATABASE_URL) : null;
  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
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
  for (let attempt = 1; ; attempt++) {
    const chosen = port || (await freePort());
    try {
      return await launch(chosen, env, quiet, { dataDir, database });
    } catch (error) {
      if (port || !error.portTaken || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

/** The gateway process on `port`, once it listens there (its own message) and its health check answers. */
async function launch(port, env, quiet, state) {
  const { dataDir, database } = state;
  // The IPC channel carries one message, "listening" (server.ts): a health check alone could be
  // answered by another process that took the port.
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/hooks/register.mjs", "server.ts"], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: quiet ? ["ignore", "pipe", "pipe", "ipc"] : ["inherit", "inherit", "inherit", "ipc"],
  });
  let output = "";
  let listening = false;
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  child.on("message", (message) => {
    if (message?.wagate !== "listening") return;
    listening = true;
    child.disconnect();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      const error = new Error(`test server exited (${child.exitCode}):\n${output}`);
      error.portTaken = output.includes("EADDRINUSE");
      throw error;
    }
    if (listening) {
      try {
        const res = await fetch(`${baseUrl}/api/health`);
        if (res.ok) break;
      } catch {}
    }
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
    state,
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
