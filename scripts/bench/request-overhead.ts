// What one API request costs the gateway's CPU before its own work starts: Next.js's request
// handling (routing, its request and response objects, streaming the answer) plus our auth wrapper
// and zod, against a bare node:http server doing the least a server must (read the body, answer
// JSON). Two requests, each stopped just before its real work:
// - `POST /api/chat/send` through a session that does not exist (404): the API key, zod and the
//   session's look-up (one statement) run; the queue, WhatsApp and the store do not. Every send
//   through the API pays this.
// - `POST /api/sandbox/contacts/:phone/messages` to a session that is not the caller's (400): the
//   API key, zod and the sandbox's checks run, the emulated contact's send does not. compare.ts's
//   inbound phase injects every contact message this way, where the ceiling uses a bare endpoint:
//   this is what the benchmark's own injection costs the gateway per received message.
//   npx tsx scripts/bench/request-overhead.ts [requests=3000] [rounds=3]
// The gateway serves both routes without Next.js's router (lib/server/serve-route-directly.ts);
// DIRECT_ROUTES=false in the environment sends them through Next.js, to compare.
// With DATABASE_URL the gateway runs on a fresh PostgreSQL database, else on the embedded one.
// CPU per request: the gateway's process_cpu_seconds_total (GET /metrics) minus its idle rate over
// the same time; the bare server's own process.cpuUsage(). 16 requests in flight, the three cases
// alternating round by round. Prints figures, asserts nothing. CPU_PROFILE_DIR: see below.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { benchApi, metricsText, registerBenchUser, sumMetrics, startBenchGateway } from "./bench-client";

const [requests = 3000, rounds = 3] = process.argv.slice(2).map(Number).filter(Boolean);
const METRICS_TOKEN = "bench-metrics-token-0123456789";
const IN_FLIGHT = 16;
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

interface Case {
  name: string;
  path: string;
  body: string;
  status: number;
  server: "gateway" | "bare";
}
const CASES: Case[] = [
  {
    name: "Wagate: POST /api/chat/send (API key, zod, session look-up)",
    path: "/api/chat/send",
    body: JSON.stringify({ sessionId: "no-such-session", jid: "15550001111", message: { text: "hello" } }),
    status: 404,
    server: "gateway",
  },
  {
    name: "Wagate: POST /api/sandbox/contacts/:phone/messages (API key, zod, sandbox checks)",
    path: "/api/sandbox/contacts/15550100002/messages",
    body: JSON.stringify({ to: "no-such-session", text: "hello" }),
    status: 400,
    server: "gateway",
  },
  {
    name: "bare node:http (read the body, answer JSON)",
    path: "/api/chat/send",
    body: JSON.stringify({ sessionId: "no-such-session", jid: "15550001111", message: { text: "hello" } }),
    status: 404,
    server: "bare",
  },
];

// CPU_PROFILE_DIR: the gateway runs with the inspector on port + 1, and a CPU profile of its first
// round of sends is written there (gateway-requests.cpuprofile; read it with cpuprofile-top.ts).
const PROFILE_DIR = process.env.CPU_PROFILE_DIR;
if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
const { gateway, profiler } = await startBenchGateway({ port, env: { METRICS_TOKEN }, profile: Boolean(PROFILE_DIR) });
const barePort = port + 2;
const bare = spawn(process.execPath, ["-e", BARE, String(barePort)], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => bare.stdout!.once("data", resolve));
try {
  const api = benchApi(gateway.baseUrl);
  const { auth } = await registerBenchUser(api, "req");
  const baseOf = { gateway: gateway.baseUrl, bare: `http://127.0.0.1:${barePort}` };
  const cpuOf = {
    gateway: async () => sumMetrics((await metricsText(gateway.baseUrl, METRICS_TOKEN))!, "process_cpu_seconds_total").process_cpu_seconds_total,
    bare: async () => Number(await (await fetch(`http://127.0.0.1:${barePort}/cpu`)).text()),
  };

  /** `requests` of the case, IN_FLIGHT at a time: seconds taken. */
  async function hammer(c: Case): Promise<number> {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next++ < requests) {
          const res = await fetch(`${baseOf[c.server]}${c.path}`, {
            method: "POST",
            headers: { "Content-Type": "application/json", ...(c.server === "gateway" ? auth : {}) },
            body: c.body,
          });
          const text = await res.text();
          if (res.status !== c.status) throw new Error(`${c.name}: expected ${c.status}, got ${res.status} ${text.slice(0, 200)}`);
        }
      }),
    );
    return (performance.now() - started) / 1000;
  }

  for (const c of CASES) await hammer(c); // warm-up: JIT, caches (the API key's look-up), connections
  const figures = new Map<Case, Array<{ cpuUs: number; perSecond: number }>>(CASES.map((c) => [c, []]));
  for (let round = 0; round < rounds; round++) {
    // The gateway's background work (workers' polls, metrics) while idle, per second.
    const idleFrom = await cpuOf.gateway();
    await new Promise((r) => setTimeout(r, 3000));
    const idlePerSecond = ((await cpuOf.gateway()) - idleFrom) / 3;
    for (const c of CASES) {
      const profiled = round === 0 && c === CASES[0] ? profiler : null;
      const before = await cpuOf[c.server]();
      await profiled?.start("requests");
      const seconds = await hammer(c);
      if (profiled) await profiled.stop(path.join(PROFILE_DIR!, "gateway-requests.cpuprofile"));
      const used = (await cpuOf[c.server]()) - before - (c.server === "gateway" ? idlePerSecond * seconds : 0);
      figures.get(c)!.push({ cpuUs: (used / requests) * 1e6, perSecond: requests / seconds });
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`${requests} requests × ${rounds} rounds per case, ${IN_FLIGHT} in flight, alternating; load average ${loadavg()[0].toFixed(1)}`);
  console.log("| request | CPU µs per request | requests/s | CPU against bare |");
  console.log("| --- | --- | --- | --- |");
  const bareCpu = median(figures.get(CASES[2])!.map((f) => f.cpuUs));
  for (const c of CASES) {
    const cpu = median(figures.get(c)!.map((f) => f.cpuUs));
    console.log(`| ${c.name} | ${cpu.toFixed(0)} | ${median(figures.get(c)!.map((f) => f.perSecond)).toFixed(0)} | ${(cpu / bareCpu).toFixed(1)}× |`);
  }
} finally {
  profiler?.close();
  bare.kill();
  await gateway.stop();
}
