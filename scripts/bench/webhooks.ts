// Benchmark: webhook delivery through a whole sandbox gateway (production build, real PostgreSQL or
// the embedded one, Baileys against the emulator). An emulated contact sends messages to a paired
// session; a receiver on loopback checks each delivery's signature and notes when it arrived.
//   npx tsx scripts/bench/webhooks.ts [latencyMessages=100] [burstMessages=500] [burstConcurrency=8]
// Prints figures; asserts nothing.
import { createHmac } from "node:crypto";
import { createServer as createHttpServer } from "node:http";
import { startBenchGateway } from "./bench-client";

const [latencyN = 100, burstN = 500, burstConcurrency = 8] = process.argv.slice(2).map(Number);
const SECRET = "bench-secret-0123456789";

async function call(base: string, method: string, path: string, body?: unknown, auth: Record<string, string> = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { "Content-Type": "application/json", ...auth },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return { json, headers: res.headers };
}

// --- the receiver ---------------------------------------------------------------------------------
const arrivals = new Map<string, number>(); // message text → arrival time
const recordedAt = new Map<string, number>(); // message text → when the outbox recorded the event (epoch ms)
const arrivedAt = new Map<string, number>(); // message text → arrival (epoch ms)
let badSignatures = 0;
const receiver = createHttpServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const at = performance.now();
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    // Ultimate WhatsApp Gateway's verification, as a receiver would run it.
    const expected = "sha256=" + createHmac("sha256", SECRET).update(JSON.stringify(body)).digest("hex");
    if (req.headers["x-webhook-signature"] !== expected) badSignatures++;
    if (body.event === "message.received" && typeof body.data?.text === "string" && !arrivals.has(body.data.text)) {
      arrivals.set(body.data.text, at);
      recordedAt.set(body.data.text, Date.parse(body.timestamp));
      arrivedAt.set(body.data.text, Date.now());
    }
    res.writeHead(200).end();
  });
});
await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
const receiverPort = (receiver.address() as { port: number }).port;

// --- the gateway ----------------------------------------------------------------------------------
const { gateway } = await startBenchGateway({ env: { ALLOW_PRIVATE_NETWORK_URLS: "true" } });
const base = gateway.baseUrl;
try {
  const name = `bench${Date.now().toString(36)}`;
  const registered = await call(base, "POST", "/api/auth/register", { name, email: `${name}@example.com`, username: name, password: "password-123" });
  const cookie = registered.headers.get("set-cookie")!.split(";")[0];
  const key = (await call(base, "POST", "/api/user/api-key", undefined, { Cookie: cookie })).json.apiKey as string;
  const auth = { "X-API-Key": key };
  const { sessionId } = (await call(base, "POST", "/api/sessions", { name: "Bench" }, auth)).json;
  await call(base, "POST", `/api/sessions/${sessionId}/connect`, {}, auth);
  await call(base, "POST", `/api/sandbox/sessions/${sessionId}/scan`, {}, auth);
  for (;;) {
    if ((await call(base, "GET", `/api/sessions/${sessionId}/status`, undefined, auth)).json.status === "CONNECTED") break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await call(
    base,
    "POST",
    "/api/webhooks",
    { name: "Bench", url: `http://127.0.0.1:${receiverPort}/hook`, secret: SECRET, events: ["message.received"] },
    auth,
  );
  const send = (text: string) => call(base, "POST", "/api/sandbox/contacts/15550100002/messages", { to: sessionId, text }, auth);
  const waitFor = async (texts: string[], timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!texts.every((t) => arrivals.has(t)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
  };

  // Warm-up: first sends set up the Signal session between contact and session.
  for (let i = 0; i < 5; i++) await send(`warm ${i}`);
  await waitFor(["warm 4"], 30_000);

  // Latency: one message at a time, from the contact's send request to the receiver.
  const latencies: number[] = [];
  for (let i = 0; i < latencyN; i++) {
    const text = `lat ${i}`;
    const started = performance.now();
    await send(text);
    await waitFor([text], 30_000);
    if (arrivals.has(text)) latencies.push(arrivals.get(text)! - started);
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);

  // Throughput: a burst sent with `burstConcurrency` sends in flight, until the last is delivered.
  const texts = Array.from({ length: burstN }, (_, i) => `burst ${i}`);
  let next = 0;
  const burstStart = performance.now();
  await Promise.all(
    Array.from({ length: burstConcurrency }, async () => {
      while (next < texts.length) await send(texts[next++]);
    }),
  );
  const sentAt = performance.now();
  await waitFor(texts, 300_000);
  const lastArrival = Math.max(...texts.map((t) => arrivals.get(t) ?? 0));
  const delivered = texts.filter((t) => arrivals.has(t)).length;
  // Where the time goes: recording (emulator → Baileys → store → outbox) versus delivery (outbox → receiver).
  const rec = texts.filter((t) => recordedAt.has(t)).map((t) => recordedAt.get(t)!);
  const recordSpan = (Math.max(...rec) - Math.min(...rec)) / 1000;
  const lags = texts
    .filter((t) => arrivedAt.has(t))
    .map((t) => arrivedAt.get(t)! - recordedAt.get(t)!)
    .sort((a, b) => a - b);
  const lag = (p: number) => lags[Math.min(lags.length - 1, Math.floor((p / 100) * lags.length))];

  console.log(
    `\nWebhook delivery through a sandbox gateway (${gateway.databaseUrl ? "PostgreSQL" : "embedded PGlite"}), receiver on loopback, signed (HMAC-SHA256)`,
  );
  console.log(
    `latency, contact send → webhook received (${latencies.length} sequential messages): p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`,
  );
  console.log(
    `burst of ${burstN} (${burstConcurrency} sends in flight): sent in ${((sentAt - burstStart) / 1000).toFixed(2)} s (${(burstN / ((sentAt - burstStart) / 1000)).toFixed(0)} msg/s); ` +
      `${delivered} delivered in ${((lastArrival - burstStart) / 1000).toFixed(2)} s → ${(delivered / ((lastArrival - burstStart) / 1000)).toFixed(0)} events/s end to end`,
  );
  console.log(
    `  of which recording: ${rec.length} events recorded by the outbox over ${recordSpan.toFixed(2)} s → ${(rec.length / recordSpan).toFixed(0)} events/s`,
  );
  console.log(`  and delivery: outbox record → webhook received p50 ${lag(50)} ms, p95 ${lag(95)} ms, p99 ${lag(99)} ms (backlog included)`);
  console.log(`bad signatures: ${badSignatures}`);
} finally {
  await gateway.stop();
  receiver.close();
}
