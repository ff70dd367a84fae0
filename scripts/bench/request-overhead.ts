// What one API request costs the gateway's CPU before any of its work starts: Next.js's request
// handling (routing, its request and response objects, streaming the answer) plus our auth wrapper
// and zod, against a bare node:http server doing the least a server must (read the body, answer
// JSON). The request is a valid `POST /api/chat/send` through a session that does not exist (404):
// the API key, zod and the session's look-up (one statement) run, the send's own work (the queue,
// WhatsApp, the store) does not — what remains is the cost of reaching it.
//   npx tsx scripts/bench/request-overhead.ts [requests=3000] [rounds=3]
// With DATABASE_URL the gateway runs on a fresh PostgreSQL database, else on the embedded one.
// CPU per request: the gateway's process_cpu_seconds_total (GET /metrics) minus its idle rate over
// the same time; the bare server's own process.cpuUsage(). 16 requests in flight, alternating the
// two servers round by round. Prints figures, asserts nothing. CPU_PROFILE_DIR: see below.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { startTestServer } from "../serve-test.mjs";
import { benchApi, gatewayProfiler, metricsText, registerBenchUser, sumMetrics } from "./bench-client";

const [requests = 3000, rounds = 3] = process.argv.slice(2).map(Number).filter(Boolean);
const METRICS_TOKEN = "bench-metrics-token-0123456789";
const IN_FLIGHT = 16;
const BODY = JSON.stringify({ sessionId: "no-such-session", jid: "15550001111", message: { text: "hello" } });
const port = Number(process.env.BENCH_PORT) || 3400 + Math.floor(Math.random() * 500);

// The bare server: its own process, as the gateway is; GET /cpu answers its CPU seconds so far.
const BARE = `
const http = require("node:http");
http.createServer((req, res) => {
  if (req.url === "/cpu") { const u = process.cpuUsage(); res.end(String((u.user + u.system) / 1e6)); return; }
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    let body = null;
    try { body = JSON.parse(Buffer.concat(chunks).toString() || "null"); } catch {}
    const known = body && body.sessionId === "a-session-we-have";
    res.writeHead(known ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify(known ? { ok: true } : { error: "Session not found" }));
  });
}).listen(Number(process.argv[1]), "127.0.0.1", () => console.log("ready"));
`;

async function hammer(url: string, headers: Record<string, string>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next++ < requests) {
        const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: BODY });
        await res.arrayBuffer();
        if (res.status !== 404) throw new Error(`expected 404, got ${res.status}`);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

// CPU_PROFILE_DIR: the gateway runs with the inspector on port + 1, and a CPU profile of the
// gateway's rounds is written there (gateway-requests.cpuprofile; read it with cpuprofile-top.ts).
const PROFILE_DIR = process.env.CPU_PROFILE_DIR;
if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
const inspect: Record<string, string> = PROFILE_DIR ? { NODE_OPTIONS: `--inspect=127.0.0.1:${port + 1}` } : {};
const gateway = await startTestServer({ port, env: { WA_MODE: "sandbox", LOG_LEVEL: "error", METRICS_TOKEN, ...inspect } });
const profiler = PROFILE_DIR ? await gatewayProfiler(port + 1) : null;
const barePort = port + 2;
const bare = spawn(process.execPath, ["-e", BARE, String(barePort)], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => bare.stdout!.once("data", resolve));
try {
  const api = benchApi(gateway.baseUrl);
  const { auth } = await registerBenchUser(api, "req");
  const gatewayCpu = async () => sumMetrics((await metricsText(gateway.baseUrl, METRICS_TOKEN))!, "process_cpu_seconds_total").process_cpu_seconds_total;
  const bareCpu = async () => Number(await (await fetch(`http://127.0.0.1:${barePort}/cpu`)).text());
  // Warm-up: JIT, caches (the API key's look-up), connections.
  await hammer(`${gateway.baseUrl}/api/chat/send`, auth);
  await hammer(`http://127.0.0.1:${barePort}/api/chat/send`, {});

  const figures: Record<"gateway" | "bare", Array<{ cpuUs: number; perSecond: number }>> = { gateway: [], bare: [] };
  for (let round = 0; round < rounds; round++) {
    // The gateway's background work (workers' polls, metrics) while idle, per second.
    const idleFrom = await gatewayCpu();
    await new Promise((r) => setTimeout(r, 3000));
    const idlePerSecond = ((await gatewayCpu()) - idleFrom) / 3;

    const g0 = await gatewayCpu();
    if (round === 0) await profiler?.start("requests");
    const gSeconds = await hammer(`${gateway.baseUrl}/api/chat/send`, auth);
    if (round === 0) await profiler?.stop(path.join(PROFILE_DIR!, "gateway-requests.cpuprofile"));
    const gCpu = (await gatewayCpu()) - g0 - idlePerSecond * gSeconds;
    figures.gateway.push({ cpuUs: (gCpu / requests) * 1e6, perSecond: requests / gSeconds });

    const b0 = await bareCpu();
    const bSeconds = await hammer(`http://127.0.0.1:${barePort}/api/chat/send`, {});
    figures.bare.push({ cpuUs: (((await bareCpu()) - b0) / requests) * 1e6, perSecond: requests / bSeconds });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const cpu = { gateway: median(figures.gateway.map((f) => f.cpuUs)), bare: median(figures.bare.map((f) => f.cpuUs)) };
  console.log(
    `${requests} requests × ${rounds} rounds, ${IN_FLIGHT} in flight, POST /api/chat/send to an unknown session (404); load average ${loadavg()[0].toFixed(1)}`,
  );
  console.log("| server | CPU µs per request | requests/s |");
  console.log("| --- | --- | --- |");
  for (const side of ["gateway", "bare"] as const) {
    console.log(
      `| ${side === "gateway" ? "Wagate (Next.js, API key, zod, one look-up)" : "bare node:http"} | ${cpu[side].toFixed(0)} | ${median(figures[side].map((f) => f.perSecond)).toFixed(0)} |`,
    );
  }
  console.log(
    `Reaching a route handler's work: ${(cpu.gateway - cpu.bare).toFixed(0)} µs of CPU more than the bare server (${(cpu.gateway / cpu.bare).toFixed(1)}×)`,
  );
} finally {
  profiler?.close();
  bare.kill();
  await gateway.stop();
}
