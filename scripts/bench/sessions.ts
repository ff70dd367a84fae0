// Benchmark: resident memory per connected session, and the time to restore N paired sessions after
// a restart, with the real SessionManager and Baileys against the emulator (in its own process).
//   node --expose-gc --import tsx --import ./scripts/hooks/register.mjs scripts/bench/sessions.ts [N ...]   (default 10 50 200)
// RESTORE_CONCURRENCY=25,50 measures the restore again with restoreAll(25), restoreAll(50);
// RESTORE_PROFILE=/tmp/restore.cpuprofile writes a CPU profile of the first restore.
// Uses DATABASE_URL when set (a fresh database is created and dropped), else the embedded PostgreSQL.
import { fork, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import inspector from "node:inspector";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { WA_CERT_DETAILS } from "@whiskeysockets/baileys";
import { EventOutbox } from "../../lib/events/event-outbox";
import { createCredentialsCipher } from "../../lib/whatsapp/credentials-cipher";
import { SessionManager, type SessionRow } from "../../lib/whatsapp/session-manager";
import { createMigratedTestDatabase } from "../../tests/support/test-database";

const here = path.dirname(fileURLToPath(import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const runs = sizes.length ? sizes : [10, 50, 200];
// RESTORE_CONCURRENCY=25,50: the restore is measured again with each of these concurrencies.
const extraConcurrencies = (process.env.RESTORE_CONCURRENCY ?? "").split(",").filter(Boolean).map(Number);

// Resident memory never shrinks back, so each N is measured in a fresh process.
if (runs.length > 1) {
  for (const n of runs) {
    const result = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), String(n)], { stdio: "inherit" });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  process.exit(0);
}

const child = fork(path.join(here, "emulator-process.ts"), { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
// Whatever ends this process (a thrown error included), the emulator child goes with it.
process.on("exit", () => child.kill());
const pending = new Map<number, (ok: boolean) => void>();
let nextId = 0;
const ready = new Promise<{ wsUrl: string; publicKey: string; serial: number }>((resolve) => {
  child.on("message", (msg: { ready?: { wsUrl: string; publicKey: string; serial: number }; scanned?: number; failed?: number; error?: string }) => {
    if (msg.ready) resolve(msg.ready);
    if (msg.scanned !== undefined) pending.get(msg.scanned)?.(true);
    if (msg.failed !== undefined) {
      console.error("scan failed:", msg.error);
      pending.get(msg.failed)?.(false);
    }
  });
});
const emulator = await ready;
WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(emulator.publicKey, "base64");
WA_CERT_DETAILS.SERIAL = emulator.serial;
const scan = (qr: string, phone: string) =>
  new Promise<boolean>((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    child.send({ scan: { qr, phone, id } });
  });

const logger = pino({ level: "silent" });
const post = (session: inspector.Session, method: string) =>
  new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((r) => setTimeout(r, 300));
  }
  return process.memoryUsage();
};

function newManager(database: Awaited<ReturnType<typeof createMigratedTestDatabase>>, outbox: EventOutbox) {
  return new SessionManager(
    {
      db: database.connect(),
      cipher: createCredentialsCipher("benchmark-secret-benchmark-secret-benchmark"),
      outbox,
      logger,
      baileysLogger: logger,
      backoff: { initialMs: 500, maxMs: 5000 },
      socketOptions: () => ({ waWebSocketUrl: emulator.wsUrl }),
      connectWaitMs: 60_000,
      fetchBytes: async () => Buffer.alloc(0),
    },
    { intervalMs: 600_000, timeoutMs: 20_000 },
  );
}

async function waitAll(manager: SessionManager, rows: SessionRow[], status: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (rows.some((r) => manager.get(r.id)?.status !== status)) {
    if (Date.now() > deadline) throw new Error(`${rows.filter((r) => manager.get(r.id)?.status !== status).length} sessions not ${status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

console.log(
  `node ${process.version}, ${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}, gc exposed: ${Boolean((globalThis as { gc?: unknown }).gc)}`,
);
console.log("N\tbaseline RSS MB\tconnected RSS MB\tper session MB\theap per session MB\tpair all s\trestore all s");
for (const n of runs) {
  const database = await createMigratedTestDatabase();
  const outbox = new EventOutbox(database.db, () => null);
  const owner = await database.db.user.create({ data: { name: "bench", email: `bench${n}@b.local`, username: `bench${n}`, passwordHash: "x", role: "OWNER" } });
  const rows: SessionRow[] = [];
  for (let i = 0; i < n; i++) {
    rows.push(
      await database.db.whatsappSession.create({
        data: { name: `bench ${i}`, sessionId: `b${n}x${i}`, ownerId: owner.id },
        select: { id: true, sessionId: true, ownerId: true, config: true, status: true, statusReason: true, statusChangedAt: true },
      }),
    );
  }
  const before = await settle();
  let manager = newManager(database, outbox);
  const pairStart = Date.now();
  // Five at a time: pairing is what a person does one by one; this only shortens the setup.
  for (let i = 0; i < rows.length; i += 5) {
    await Promise.all(
      rows.slice(i, i + 5).map(async (row, j) => {
        const live = await manager.connect(row);
        if (!live.qr) throw new Error(`no QR for ${row.sessionId}: ${live.status}`);
        if (!(await scan(live.qr, `1666${String(n).padStart(3, "0")}${String(i + j).padStart(4, "0")}`))) throw new Error("scan failed");
      }),
    );
  }
  await waitAll(manager, rows, "CONNECTED", 120_000);
  const pairSeconds = (Date.now() - pairStart) / 1000;
  const connected = await settle();

  await manager.shutdown();
  // Restore as server.ts does (restoreAll's default), then once per RESTORE_CONCURRENCY value.
  const restores: string[] = [];
  let restoreSeconds = 0;
  for (const concurrency of [undefined, ...extraConcurrencies]) {
    manager = newManager(database, outbox);
    // RESTORE_PROFILE=file.cpuprofile: a V8 CPU profile of the first restore (where its time goes).
    const profiler = process.env.RESTORE_PROFILE && concurrency === undefined ? new inspector.Session() : null;
    if (profiler) {
      profiler.connect();
      await post(profiler, "Profiler.enable");
      await post(profiler, "Profiler.start");
    }
    const restoreStart = Date.now();
    await manager.restoreAll(concurrency);
    const started = (Date.now() - restoreStart) / 1000;
    await waitAll(manager, rows, "CONNECTED", 300_000);
    if (profiler) {
      const { profile } = (await post(profiler, "Profiler.stop")) as { profile: object };
      writeFileSync(process.env.RESTORE_PROFILE!, JSON.stringify(profile));
      profiler.disconnect();
    }
    const seconds = (Date.now() - restoreStart) / 1000;
    restoreSeconds ||= seconds;
    restores.push(
      `restore with concurrency ${concurrency ?? "default"}: restoreAll returned after ${started.toFixed(1)} s, all CONNECTED after ${seconds.toFixed(1)} s`,
    );
    await manager.shutdown();
  }

  console.log(
    [
      n,
      mb(before.rss),
      mb(connected.rss),
      mb((connected.rss - before.rss) / n),
      mb((connected.heapUsed - before.heapUsed) / n),
      pairSeconds.toFixed(1),
      restoreSeconds.toFixed(1),
    ].join("\t"),
  );
  for (const line of restores) console.log(`  ${line}`);
  await database.drop();
}
child.kill();
process.exit(0);
