// Benchmark: is the gateway's memory flat under load? (issue 10: after 10,000 sent and 10,000
// received messages, RSS within 15 % of where it settled after the first 1,000.)
//   npx tsx scripts/bench/memory.ts [messagesEachWay=10000] [sampleEvery=500] [port=3213]
// A sandbox gateway (production build) on the emulated network, which runs in its own process
// (scripts/bench/emulator-process.ts): the emulated phones keep every message they sent and
// received, as WhatsApp's servers and phones would, so in the gateway's process they would be
// counted as the gateway's growth. Two sessions paired by code, pacing off, a webhook for
// `message.received` to a receiver on loopback. Each step sends `sampleEvery` messages through
// POST /api/chat/send (16 in flight) to two emulated contacts, and has those contacts send
// `sampleEvery` messages to the sessions (8 in flight), both at once; once both are through (the
// counters of GET /metrics), it samples RSS and heap from GET /metrics and prints the curve. With
// HEAP_SNAPSHOTS=1 the gateway writes a heap snapshot (SIGUSR2, --heapsnapshot-signal) after the
// first 1,000 each way and at the end, into /tmp/wagate-heap-<pid>/; compare them with
// scripts/bench/heap-diff.ts. Writing a snapshot grows the process's RSS by itself: the RSS curve
// of a run with snapshots is not the figure. Uses DATABASE_URL when set (a fresh database is created
// and dropped), else the embedded PostgreSQL. Prints figures, asserts nothing.
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { loadavg } from "node:os";
import { benchApi, metricsText, registerBenchUser, sumMetrics, waitConnected, startBenchGateway } from "./bench-client";
import { pairByCode, startEmulatorProcess } from "../../tests/support/cluster";

const [total = 10_000, step = 500, port = 3213] = process.argv.slice(2).map(Number).filter(Boolean);
const snapshots = process.env.HEAP_SNAPSHOTS === "1";
// Separate contacts for each direction: an emulated phone encrypting to a session while it decrypts
// that session's messages (one Signal session, both ways at once) stalled its sends in one run.
const CONTACTS = ["15550177001", "15550177002"];
const SENDERS = ["15550177003", "15550177004"];
const PHONES = ["15550177101", "15550177102"];
const emulator = await startEmulatorProcess();
process.on("exit", () => emulator.stop());
for (const contact of [...CONTACTS, ...SENDERS]) await emulator.call("createContact", contact);
const METRICS_TOKEN = "bench-metrics-token-0123456789";

let webhooksReceived = 0;
const receiver = createHttpServer((req, res) => {
  req.resume();
  req.on("end", () => {
    webhooksReceived++;
    res.writeHead(200).end();
  });
});
await new Promise<void>((r) => receiver.listen(port + 1, "127.0.0.1", r));

const heapDir = `/tmp/wagate-heap-${process.pid}`;
if (snapshots) mkdirSync(heapDir, { recursive: true });
// GATEWAY_NODE_OPTIONS (startBenchGateway): V8 flags for the gateway (e.g. --max-old-space-size=512), to compare heap sizing.
const { gateway } = await startBenchGateway({
  port,
  env: {
    SANDBOX_EMULATOR_URL: emulator.wsUrl,
    SANDBOX_EMULATOR_ROOT: emulator.root,
    DEFAULT_COUNTRY_CODE: "1",
    ALLOW_PRIVATE_NETWORK_URLS: "true",
    METRICS_TOKEN,
  },
  nodeOptions: snapshots ? ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${heapDir}`] : [],
});
const base = gateway.baseUrl;

const api = benchApi(base);

/** The sum of every series of each named metric. */
async function metrics(...names: string[]): Promise<Record<string, number>> {
  const text = await metricsText(base, METRICS_TOKEN);
  if (text === null) throw new Error("GET /metrics did not answer");
  return sumMetrics(text, ...names);
}

async function pool(count: number, concurrency: number, work: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

async function snapshot(label: string) {
  const before = existsSync(heapDir) ? readdirSync(heapDir).length : 0;
  process.kill(gateway.pid!, "SIGUSR2");
  // Written synchronously by the gateway; wait for the file count to change and the gateway to answer again.
  for (let i = 0; i < 600 && readdirSync(heapDir).length === before; i++) await new Promise((r) => setTimeout(r, 500));
  // The gateway stops answering while it writes (connections may be reset meanwhile).
  for (let i = 0; i < 600; i++) {
    if (
      await metrics("process_resident_memory_bytes").then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log(`heap snapshot ${label}: ${readdirSync(heapDir).sort().at(-1)} in ${heapDir}`);
}

try {
  const { key, auth } = await registerBenchUser(api);
  const sessions: string[] = [];
  for (const phone of PHONES) sessions.push((await pairByCode(base, { key }, emulator, phone)).sessionId);
  await waitConnected(api, auth, sessions);
  await api(
    "POST",
    "/api/webhooks",
    { name: "Bench", url: `http://127.0.0.1:${port + 1}/hook`, secret: "bench-secret-0123456789", events: ["message.received"] },
    auth,
  );

  console.log(
    `${gateway.databaseUrl ? "PostgreSQL" : "embedded PGlite"}, NODE_OPTIONS "${process.env.GATEWAY_NODE_OPTIONS ?? ""}", ${total} messages each way, a sample every ${step}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  // RSS moves by 100–300 MB within a step as V8 grows and shrinks its heap, so besides the sample
  // at the end of each step the step's lowest, median and highest RSS (sampled every second).
  console.log("sent\treceived\tRSS MB\tstep's RSS min/median/max MB\theap used MB\theap total MB\texternal MB\twebhooks\tstep s\tload");
  const start = await metrics("wagate_messages_sent_total", "wagate_messages_received_total", "process_resident_memory_bytes", "nodejs_heap_size_used_bytes");
  console.log(
    `before any message: RSS ${(start.process_resident_memory_bytes / 1048576).toFixed(1)} MB, heap used ${(start.nodejs_heap_size_used_bytes / 1048576).toFixed(1)} MB`,
  );
  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  const curve: Array<{ done: number; rss: number; median: number }> = [];
  for (let done = 0; done < total;) {
    const n = Math.min(step, total - done);
    const t = performance.now();
    const stepRss: number[] = [];
    const sampler = setInterval(
      () =>
        void metrics("process_resident_memory_bytes").then(
          (m) => stepRss.push(m.process_resident_memory_bytes),
          () => undefined,
        ),
      1000,
    );
    await Promise.all([
      pool(n, 16, (i) =>
        api(
          "POST",
          "/api/chat/send",
          { sessionId: sessions[i % 2], jid: CONTACTS[i % CONTACTS.length], message: { text: `out ${done + i} ${"x".repeat(i % 200)}` } },
          auth,
        ),
      ),
      pool(n, 8, (i) => emulator.call("contactSends", SENDERS[i % SENDERS.length], PHONES[i % 2], `in ${done + i}`)),
    ]);
    done += n;
    const deadline = Date.now() + 300_000;
    for (;;) {
      const m = await metrics("wagate_messages_sent_total", "wagate_messages_received_total");
      const sent = m.wagate_messages_sent_total - start.wagate_messages_sent_total;
      const received = m.wagate_messages_received_total - start.wagate_messages_received_total;
      if ((sent >= done && received >= done) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const m = await metrics(
      "wagate_messages_sent_total",
      "wagate_messages_received_total",
      "process_resident_memory_bytes",
      "nodejs_heap_size_used_bytes",
      "nodejs_heap_size_total_bytes",
      "nodejs_external_memory_bytes",
    );
    clearInterval(sampler);
    stepRss.push(m.process_resident_memory_bytes);
    stepRss.sort((a, b) => a - b);
    curve.push({ done, rss: m.process_resident_memory_bytes, median: stepRss[Math.floor(stepRss.length / 2)] });
    console.log(
      [
        m.wagate_messages_sent_total - start.wagate_messages_sent_total,
        m.wagate_messages_received_total - start.wagate_messages_received_total,
        mb(m.process_resident_memory_bytes),
        `${mb(stepRss[0])}/${mb(stepRss[Math.floor(stepRss.length / 2)])}/${mb(stepRss.at(-1)!)}`,
        mb(m.nodejs_heap_size_used_bytes),
        mb(m.nodejs_heap_size_total_bytes),
        mb(m.nodejs_external_memory_bytes),
        webhooksReceived,
        ((performance.now() - t) / 1000).toFixed(1),
        loadavg()[0].toFixed(2),
      ].join("\t"),
    );
    if (snapshots && done === Math.min(1000, total)) await snapshot("after 1,000 each way");
  }
  if (snapshots) await snapshot("at the end");
  const settled = curve.find((c) => c.done >= 1000) ?? curve[0];
  const last = curve.at(-1)!;
  const change = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)} %`;
  console.log(
    `RSS at the end of the step to ${settled.done} each way ${mb(settled.rss)} MB, to ${last.done} ${mb(last.rss)} MB: ${change(settled.rss, last.rss)}; ` +
      `the steps' medians ${mb(settled.median)} → ${mb(last.median)} MB: ${change(settled.median, last.median)} (goal: within 15 %)`,
  );
} finally {
  await gateway.stop();
  receiver.close();
}
process.exit(0);
