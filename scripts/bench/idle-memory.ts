// Benchmark: what an idle gateway holds before any session (issue 10: "baseline memory under
// 250 MB"). Starts the whole gateway (production build, live mode, no sessions) `runs` times, each
// in a fresh process on a fresh database, samples it at each of `seconds` after its start (a comma
// list; one number n means n and n + 15), and prints its resident memory (from /proc), V8's heap
// (from GET /metrics) and the largest parts of its address space. Uses DATABASE_URL when set, else
// the embedded PostgreSQL (whose PGlite lives in the gateway's process and counts). Prints figures,
// asserts nothing.
//   npx tsx scripts/bench/idle-memory.ts [runs=3] [seconds=15,30,90] [port=3217]
// An idle gateway's V8 heap keeps its start's garbage until a major collection, which can come a
// minute or more after the start: the later samples show where it settles.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { startTestServer } from "../serve-test.mjs";
import { metricsText, sumMetrics } from "./bench-client";

const runs = Number(process.argv[2]) || 3;
const port = Number(process.argv[4]) || 3217;
const secondsArg = (process.argv[3] ?? "15,30,90")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const seconds = secondsArg.length === 1 ? [secondsArg[0], secondsArg[0] + 15] : secondsArg.sort((a, b) => a - b);
const token = "idle-memory-bench-token";
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Resident kB per mapping name (anonymous memory, the node binary, each shared library …). */
function residentByMapping(pid: number): Array<[string, number]> {
  const byName = new Map<string, number>();
  let name = "";
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) name = head[1] || "[anonymous]";
    else if (line.startsWith("Rss:")) byName.set(name, (byName.get(name) ?? 0) + Number(line.split(/\s+/)[1]));
  }
  return [...byName].sort((a, b) => b[1] - a[1]);
}

async function sample(pid: number, baseUrl: string) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  const metrics = sumMetrics(
    (await metricsText(baseUrl, token)) ?? "",
    "nodejs_heap_size_used_bytes",
    "nodejs_heap_size_total_bytes",
    "nodejs_external_memory_bytes",
  );
  return {
    rss: kb("VmRSS") * 1024,
    anon: kb("RssAnon") * 1024,
    heapUsed: metrics.nodejs_heap_size_used_bytes,
    heapTotal: metrics.nodejs_heap_size_total_bytes,
    external: metrics.nodejs_external_memory_bytes,
  };
}

const rows: string[] = [];
for (let run = 1; run <= runs; run++) {
  const server = await startTestServer({ port, env: { WA_MODE: "live", METRICS_TOKEN: token } });
  const samples: Array<[number, Awaited<ReturnType<typeof sample>>]> = [];
  const started = Date.now();
  for (const at of seconds) {
    await sleep(Math.max(0, started + at * 1000 - Date.now()));
    samples.push([at, await sample(server.pid!, server.baseUrl)]);
  }
  if (run === runs) {
    console.log(`run ${run}, largest resident mappings:`);
    for (const [name, kb] of residentByMapping(server.pid!).slice(0, 6)) console.log(`  ${(kb / 1024).toFixed(1)} MB ${name}`);
  }
  await server.stop();
  for (const [at, s] of samples) rows.push(`| ${run} | ${at} s | ${mb(s.rss)} | ${mb(s.anon)} | ${mb(s.heapUsed)} / ${mb(s.heapTotal)} | ${mb(s.external)} |`);
}
console.log(
  `\nidle gateway, no sessions, ${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}; load average (1 min) at the end: ${loadavg()[0].toFixed(1)}`,
);
console.log("| run | after start | RSS MB | anonymous MB | V8 heap used / total MB | external MB |");
console.log("| --- | --- | --- | --- | --- | --- |");
console.log(rows.join("\n"));
