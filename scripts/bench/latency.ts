// Benchmark: the two latency goals of issue 10, open loop (requests start on a fixed clock whether or
// not earlier ones have answered, so a slow answer cannot hide the ones queued behind it):
//   1. POST /api/chat/send at `rate`/s with pacing off, spread over ten paired sessions: the time
//      from the request to its answer (p50/p95/p99/max);
//   2. contacts send `rate` messages/s to a paired session through the sandbox API; a signed webhook
//      (`message.received`) delivers them to a receiver on loopback: the time from the contact's send
//      request to the delivery's arrival, split at the outbox (the event's `timestamp`).
//   npx tsx scripts/bench/latency.ts [rate=20] [seconds=30] [port=3211]
// A sandbox gateway (production build, WA_MODE=sandbox: the emulated network runs in its process).
// Uses DATABASE_URL when set (a fresh database is created and dropped), else the embedded
// PostgreSQL. Reads event-loop lag from GET /metrics. Prints figures, asserts nothing.
import { createServer as createHttpServer } from "node:http";
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { benchApi, metricsText, pairSandboxSessions, registerBenchUser, sumMetrics, startBenchGateway } from "./bench-client";

const [rate = 20, seconds = 30, port = 3211] = process.argv.slice(2).map(Number).filter(Boolean);
const CONTACTS = ["15550100002", "15550100003"];
const METRICS_TOKEN = "bench-metrics-token-0123456789";

// --- the webhook receiver -------------------------------------------------------------------------
const arrivedAt = new Map<string, number>(); // message text → arrival (performance.now())
const recordedAt = new Map<string, number>(); // message text → the event's timestamp (epoch ms)
const arrivedEpoch = new Map<string, number>();
const receiver = createHttpServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const at = performance.now();
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    const text = body.data?.text;
    if (body.event === "message.received" && typeof text === "string" && !arrivedAt.has(text)) {
      arrivedAt.set(text, at);
      arrivedEpoch.set(text, Date.now());
      recordedAt.set(text, Date.parse(body.timestamp));
    }
    res.writeHead(200).end();
  });
});
await new Promise<void>((r) => receiver.listen(port + 1, "127.0.0.1", r));

const { gateway } = await startBenchGateway({
  port,
  env: { ALLOW_PRIVATE_NETWORK_URLS: "true", METRICS_TOKEN },
  // CPU_PROFILE_DIR=/tmp/x: the gateway writes a V8 CPU profile of the whole run there when it exits.
  nodeOptions: process.env.CPU_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.CPU_PROFILE_DIR}`] : [],
});
const base = gateway.baseUrl;

const api = benchApi(base);

async function metric(name: string): Promise<number | null> {
  const text = await metricsText(base, METRICS_TOKEN);
  return text === null ? null : sumMetrics(text, name)[name];
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return `p50 ${pct(s, 50).toFixed(1)} ms, p95 ${pct(s, 95).toFixed(1)} ms, p99 ${pct(s, 99).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms (n=${s.length})`;
};

/** Calls `fire(i)` for i in 0…count−1, the i-th at start + i/rate seconds (open loop). */
async function openLoop(count: number, fire: (i: number) => Promise<void>) {
  const start = performance.now();
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const due = start + (i * 1000) / rate;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      await fire(i);
    }),
  );
}

try {
  const { auth } = await registerBenchUser(api);
  const sessions = await pairSandboxSessions(api, auth, 10);
  await api(
    "POST",
    "/api/webhooks",
    { name: "Bench", url: `http://127.0.0.1:${port + 1}/hook`, secret: "bench-secret-0123456789", events: ["message.received"] },
    auth,
  );

  // Warm-up: Signal sessions both ways, and the route handlers compiled by the first requests.
  for (const sessionId of sessions) for (const jid of CONTACTS) await api("POST", "/api/chat/send", { sessionId, jid, message: { text: "warm-up" } }, auth);
  for (const contact of CONTACTS)
    for (let i = 0; i < 3; i++) await api("POST", `/api/sandbox/contacts/${contact}/messages`, { to: sessions[0], text: `warm ${contact} ${i}` }, auth);
  await new Promise((r) => setTimeout(r, 3000));

  console.log(
    `node ${process.version}, ${cpus().length} CPUs, ${gateway.databaseUrl ? "PostgreSQL" : "embedded PGlite"}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  const count = rate * seconds;

  // Database transactions per message (PostgreSQL only): independent of the machine's load, unlike
  // the latencies. pg_stat_database lags its backends by up to a second, hence the pauses.
  const stats = gateway.databaseUrl ? new pg.Client({ connectionString: gateway.databaseUrl }) : null;
  await stats?.connect();
  const commits = async () => {
    if (!stats) return 0;
    await new Promise((r) => setTimeout(r, 1500));
    return Number((await stats.query<{ n: string }>(`SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()`)).rows[0].n);
  };
  const perMessage = (from: number, to: number, extra: number) =>
    stats ? `${((to - from - extra) / count).toFixed(1)} per message` : "n/a (embedded database)";

  // 1. POST /api/chat/send, open loop.
  const commitsBefore = await commits();
  const lagBefore = await metric("nodejs_eventloop_lag_p99_seconds");
  const sendLatencies: number[] = [];
  let sendErrors = 0;
  await openLoop(count, async (i) => {
    const t = performance.now();
    try {
      await api(
        "POST",
        "/api/chat/send",
        { sessionId: sessions[i % sessions.length], jid: CONTACTS[i % CONTACTS.length], message: { text: `latency ${i}` } },
        auth,
      );
      sendLatencies.push(performance.now() - t);
    } catch {
      sendErrors++;
    }
  });
  const lagSend = await metric("nodejs_eventloop_lag_p99_seconds");
  console.log(`\nPOST /api/chat/send at ${rate}/s for ${seconds} s over 10 sessions, pacing off (open loop)`);
  console.log(`  answer: ${summary(sendLatencies)}; errors ${sendErrors}`);
  console.log(`  event-loop lag p99 (prom-client, since start): before ${lagBefore}, after ${lagSend} s`);
  await new Promise((r) => setTimeout(r, 5000)); // let the sends drain
  const commitsAfterSends = await commits();
  // Includes a few statements of the benchmark itself (the readings, /metrics scrapes): a handful against hundreds of messages.
  console.log(`  database transactions while sending and draining: ${perMessage(commitsBefore, commitsAfterSends, 0)}`);

  // 2. Contact → webhook, open loop; each contact's messages are sent in order on its own clock.
  const sentAt = new Map<string, number>();
  const sentEpoch = new Map<string, number>();
  const texts: string[] = [];
  let contactErrors = 0;
  await openLoop(count, async (i) => {
    const text = `in ${i}`;
    texts.push(text);
    sentAt.set(text, performance.now());
    sentEpoch.set(text, Date.now());
    try {
      await api("POST", `/api/sandbox/contacts/${CONTACTS[i % CONTACTS.length]}/messages`, { to: sessions[0], text }, auth);
    } catch {
      contactErrors++;
    }
  });
  const deadline = Date.now() + 60_000;
  while (!texts.every((t) => arrivedAt.has(t)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const delivered = texts.filter((t) => arrivedAt.has(t));
  const lagWebhook = await metric("nodejs_eventloop_lag_p99_seconds");
  const commitsAfterWebhooks = await commits();
  console.log(
    `\ncontact → webhook at ${rate} events/s for ${seconds} s (open loop), ${delivered.length}/${texts.length} delivered, send errors ${contactErrors}`,
  );
  console.log(`  contact's send → webhook received: ${summary(delivered.map((t) => arrivedAt.get(t)! - sentAt.get(t)!))}`);
  console.log(`    of which contact's send → event recorded: ${summary(delivered.map((t) => recordedAt.get(t)! - sentEpoch.get(t)!))}`);
  console.log(`    of which event recorded → webhook received: ${summary(delivered.map((t) => arrivedEpoch.get(t)! - recordedAt.get(t)!))}`);
  console.log(`  event-loop lag p99 (prom-client): ${lagWebhook} s`);
  console.log(`  database transactions (contact send → webhook delivered): ${perMessage(commitsAfterSends, commitsAfterWebhooks, 0)}`);
  await stats?.end();
  console.log(
    `load average at the end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
} finally {
  await gateway.stop();
  receiver.close();
}
process.exit(0);
