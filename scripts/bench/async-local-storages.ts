// Benchmark: what N Baileys key stores cost every later promise of the process, with one
// AsyncLocalStorage each (bare Baileys) and with the one shared storage the gateway gives them
// (lib/whatsapp/shared-transaction-storage.ts). Each figure is taken in a fresh process, since an
// enabled AsyncLocalStorage is never given back. Prints figures, asserts nothing.
//   npx tsx scripts/bench/async-local-storages.ts [N ...]   (default 1 10 100 500)
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { addTransactionCapability, type SignalKeyStore } from "@whiskeysockets/baileys";
import pino from "pino";
import { withSharedTransactionStorage } from "../../lib/whatsapp/shared-transaction-storage";

const AWAITS = 200_000;
const [mode, count] = [process.env.ALS_MODE, Number(process.env.ALS_N)];

if (mode) {
  const logger = pino({ level: "silent" });
  const store: SignalKeyStore = { get: async () => ({}), set: async () => undefined };
  const make = () => addTransactionCapability(store, logger, { maxCommitRetries: 1, delayBetweenTriesMs: 0 });
  // As a socket does at its first decryption or pre-key upload: one transaction each.
  for (let i = 0; i < count; i++) {
    const keys = mode === "shared" ? withSharedTransactionStorage(make) : make();
    await keys.transaction(async () => undefined, "bench");
  }
  const start = process.hrtime.bigint();
  for (let i = 0; i < AWAITS; i++) await Promise.resolve(i).then((x) => x + 1);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  (globalThis as { gc?: () => void }).gc?.();
  process.stdout.write(JSON.stringify({ ms, heapMb: process.memoryUsage().heapUsed / 1024 / 1024 }));
  process.exit(0);
}

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const run = (m: string, n: number) => {
  const out = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url)], {
    env: { ...process.env, ALS_MODE: m, ALS_N: String(n) },
    encoding: "utf8",
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout) as { ms: number; heapMb: number };
};
console.log(`node ${process.version}; ${AWAITS} awaits after N key stores each ran one transaction`);
console.log("N\tbare Baileys ms\tshared storage ms\tratio");
for (const n of sizes.length ? sizes : [1, 10, 100, 500]) {
  const bare = run("bare", n);
  const shared = run("shared", n);
  console.log([n, bare.ms.toFixed(0), shared.ms.toFixed(0), (bare.ms / shared.ms).toFixed(1)].join("\t"));
}
