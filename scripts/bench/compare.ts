// Issue 10's tracked figure in one command: the bare-Baileys ceiling (scripts/bench/ceiling.ts) and
// the whole gateway (sandbox, production build, PostgreSQL or the embedded database), side by
// side, outbound and inbound, alternating the two, and the ratio ceiling ÷ gateway (goal ≤ 1.25).
//   npx tsx scripts/bench/compare.ts [messages=500] [sessions=10] [runs=2]
// With DATABASE_URL the gateway runs on a fresh PostgreSQL database, else on the embedded one.
// Gateway outbound: POST /api/chat/send (16 in flight, pacing off) until every message is SENT
// (on the embedded database: until the contacts have them); SEND_BATCH=n sends n messages per
// request. The ceiling's outbound is timed until WhatsApp acked every message. Both then wait,
// untimed, for the contacts' read receipts, so that the inbound phase times receiving alone.
// Gateway inbound: contacts send through the sandbox API (8 in flight) until a loopback webhook
// receiver (message.received) has every message. The gateway's CPU per message comes from its own
// GET /metrics (process_cpu_seconds_total) when METRICS_TOKEN works, else it is left out. The
// benchmark's own CPU while it drives the gateway is printed too: it runs on the same cores.
// With DATABASE_URL each round also runs the durable floor (ceiling.ts with CEILING_DURABLE, in a
// schema of its own that it drops again): bare Baileys writing the least a gateway that loses
// nothing must write. Its ratio to the ceiling is what durability alone costs here.
// Prints figures, asserts nothing.
// BENCH_PORT: the gateway's port (else a random one in 3400–3899). CPU_PROFILE_DIR: the gateway runs
// with the inspector on BENCH_PORT + 1 and a CPU profile of each phase is written there
// (gateway-<run>-outbound.cpuprofile, …-inbound…; read them with scripts/bench/cpuprofile-top.ts).
import { mkdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { benchApi, metricsText, pairSandboxSessions, registerBenchUser, sumMetrics, startBenchGateway } from "./bench-client";

const here = path.dirname(fileURLToPath(import.meta.url));
const [messages = 500, sessionCount = 10, runs = 2] = process.argv.slice(2).map(Number).filter(Boolean);
const CONTACTS = ["15550100002", "15550100003"];
const METRICS_TOKEN = "bench-metrics-token-0123456789";
// SEND_BATCH=n: the gateway's outbound sends go n to a request (POST /api/chat/send takes an array
// of up to 100), as a client with many messages would send them; 1 (the default) is one per request.
const SEND_BATCH = Math.min(100, Math.max(1, Number(process.env.SEND_BATCH) || 1));

interface Figure {
  messages: number;
  seconds: number;
  perSecond: number;
  cpuMsPerMessage: number | null;
  /** Transactions the gateway committed per message (PostgreSQL's pg_stat_database), when known. */
  commitsPerMessage?: number | null;
  /** This process's CPU per message while it drove the gateway: its HTTP client, its webhook receiver, its polls of the database. */
  clientCpuMsPerMessage?: number;
}
type Result = { outbound: Figure; inbound: Figure };

/** The ceiling, or with `durableUrl` the durable floor (bare Baileys writing the least a durable gateway must; scripts/bench/durable-floor.ts). */
function ceiling(durableUrl?: string): Result {
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(here, "ceiling.ts"), String(messages), String(sessionCount)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: durableUrl ? { ...process.env, CEILING_DURABLE: durableUrl } : process.env,
  });
  const line = run.stdout
    .split("\n")
    .reverse()
    .find((l) => l.startsWith("{"));
  if (run.status !== 0 || !line) throw new Error(`ceiling failed (${run.status}): ${run.stderr.slice(-2000)}`);
  return JSON.parse(line) as Result;
}

const PROFILE_DIR = process.env.CPU_PROFILE_DIR || null;

/** The gateway's inspector (Chrome DevTools Protocol): profiles one phase at a time. */
let runNumber = 0;
async function gatewayRun(): Promise<Result> {
  const port = Number(process.env.BENCH_PORT) || 3400 + Math.floor(Math.random() * 500);
  const run = ++runNumber;
  if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
  // GATEWAY_NODE_OPTIONS (startBenchGateway): flags for the gateway alone (e.g. V8's heap sizing), not for the ceiling.
  const { gateway, profiler } = await startBenchGateway({ port, env: { ALLOW_PRIVATE_NETWORK_URLS: "true", METRICS_TOKEN }, profile: Boolean(PROFILE_DIR) });
  const base = gateway.baseUrl;
  const api = benchApi(base);
  const cpuSeconds = async (): Promise<number | null> => {
    const text = await metricsText(base, METRICS_TOKEN);
    return text === null ? null : sumMetrics(text, "process_cpu_seconds_total").process_cpu_seconds_total;
  };
  const db = gateway.databaseUrl ? new pg.Client({ connectionString: gateway.databaseUrl }) : null;
  try {
    await db?.connect();
    const { auth } = await registerBenchUser(api, "cmp");
    const sessions = await pairSandboxSessions(api, auth, sessionCount, 600);
    // The benchmark's own queries commit too: counted, and left out of the gateway's figure.
    let ownQueries = 0;
    const commits = async (): Promise<number | null> => {
      if (!db) return null;
      // PostgreSQL publishes a backend's counts within a second of its last transaction.
      await new Promise((r) => setTimeout(r, 1100));
      ownQueries++;
      return Number((await db.query<{ n: string }>(`SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()`)).rows[0].n);
    };
    const perMessage = (before: number | null, after: number | null, queries: number) =>
      before !== null && after !== null ? (after - before - queries) / messages : null;
    const unsent = async (ids: string[]) => {
      ownQueries++;
      if (db)
        return Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM messages WHERE "keyId" = ANY($1) AND status = 'PENDING'`, [ids])).rows[0].n);
      const received = new Set<string>();
      for (const c of CONTACTS) for (const m of (await api("GET", `/api/sandbox/contacts/${c}/messages`, undefined, auth)).body) received.add(m.id);
      return ids.filter((id) => !received.has(id)).length;
    };
    const warm: string[] = [];
    for (const sessionId of sessions)
      for (const jid of CONTACTS) warm.push((await api("POST", "/api/chat/send", { sessionId, jid, message: { text: "warm-up" } }, auth)).body.messageId);
    while ((await unsent(warm)) > 0) await new Promise((r) => setTimeout(r, 100));

    // Outbound.
    let committed = await commits();
    let queriesBefore = ownQueries;
    let cpu = await cpuSeconds();
    await profiler?.start("outbound");
    let client = process.cpuUsage();
    let started = performance.now();
    const ids: string[] = [];
    let next = 0;
    const sendOf = (i: number) => ({ sessionId: sessions[i % sessions.length], jid: CONTACTS[i % CONTACTS.length], message: { text: `bench ${i}` } });
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < messages) {
          if (SEND_BATCH === 1) {
            ids.push((await api("POST", "/api/chat/send", sendOf(next++), auth)).body.messageId);
            continue;
          }
          const batch = Array.from({ length: Math.min(SEND_BATCH, messages - next) }, () => sendOf(next++));
          const answers = (await api("POST", "/api/chat/send", batch, auth)).body as Array<{ messageId: string | null; error?: string }>;
          for (const answer of answers) {
            if (!answer.messageId) throw new Error(`a send of the batch was refused: ${answer.error}`);
            ids.push(answer.messageId);
          }
        }
      }),
    );
    while ((await unsent(ids)) > 0) await new Promise((r) => setTimeout(r, db ? 20 : 250));
    let seconds = (performance.now() - started) / 1000;
    let clientUsed = process.cpuUsage(client);
    await profiler?.stop(path.join(PROFILE_DIR ?? "", `gateway-${run}-outbound.cpuprofile`));
    let cpuAfter = await cpuSeconds();
    const outbound: Figure = {
      messages,
      seconds,
      perSecond: messages / seconds,
      cpuMsPerMessage: cpu !== null && cpuAfter !== null ? ((cpuAfter - cpu) * 1000) / messages : null,
      // The receipts of the last sends may still be coming: a lower bound.
      commitsPerMessage: perMessage(committed, await commits(), ownQueries - queriesBefore),
      clientCpuMsPerMessage: (clientUsed.user + clientUsed.system) / 1000 / messages,
    };
    // Not timed: the contacts' read receipts of these sends are in (up to 30 s) before the inbound
    // phase, so that it times receiving alone; the ceiling waits for them too. The embedded
    // database has no second connection to ask: a pause instead.
    if (db) {
      const until = Date.now() + 30_000;
      while (
        Date.now() < until &&
        Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM messages WHERE "keyId" = ANY($1) AND status <> 'READ'`, [ids])).rows[0].n) > 0
      )
        await new Promise((r) => setTimeout(r, 50));
    } else await new Promise((r) => setTimeout(r, 3000));

    // Inbound: one session, a webhook receiver on loopback.
    let received = 0;
    let allIn: () => void = () => {};
    const done = new Promise<void>((resolve) => (allIn = resolve));
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        res.end("ok");
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { event: string; data: { text?: string } };
        if (body.event === "message.received" && body.data.text?.startsWith("inbound ") && ++received >= messages) allIn();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
    await api("POST", "/api/webhooks", { name: "bench", url: hookUrl, events: ["message.received"] }, auth);
    committed = await commits();
    queriesBefore = ownQueries;
    cpu = await cpuSeconds();
    await profiler?.start("inbound");
    client = process.cpuUsage();
    started = performance.now();
    next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < messages) {
          const i = next++;
          await api("POST", `/api/sandbox/contacts/${CONTACTS[i % CONTACTS.length]}/messages`, { to: sessions[0], text: `inbound ${i}` }, auth);
        }
      }),
    );
    await done;
    seconds = (performance.now() - started) / 1000;
    clientUsed = process.cpuUsage(client);
    await profiler?.stop(path.join(PROFILE_DIR ?? "", `gateway-${run}-inbound.cpuprofile`));
    cpuAfter = await cpuSeconds();
    receiver.close();
    const inbound: Figure = {
      messages,
      seconds,
      perSecond: messages / seconds,
      cpuMsPerMessage: cpu !== null && cpuAfter !== null ? ((cpuAfter - cpu) * 1000) / messages : null,
      commitsPerMessage: perMessage(committed, await commits(), ownQueries - queriesBefore),
      clientCpuMsPerMessage: (clientUsed.user + clientUsed.system) / 1000 / messages,
    };
    return { outbound, inbound };
  } finally {
    profiler?.close();
    await db?.end();
    await gateway.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const ceilings: Result[] = [];
const floors: Result[] = [];
const gateways: Result[] = [];
const loads: string[] = [];
// The durable floor needs a PostgreSQL server to write to: with the embedded database (in the
// gateway's process) it is left out.
const floorUrl = process.env.DATABASE_URL;
for (let r = 0; r < runs; r++) {
  loads.push(loadavg()[0].toFixed(1));
  ceilings.push(ceiling());
  if (floorUrl) {
    loads.push(loadavg()[0].toFixed(1));
    floors.push(ceiling(floorUrl));
  }
  loads.push(loadavg()[0].toFixed(1));
  gateways.push(await gatewayRun());
}
loads.push(loadavg()[0].toFixed(1));

console.log(
  `${messages} messages, ${sessionCount} sessions, ${runs} runs each (medians), ${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}${SEND_BATCH > 1 ? `, the gateway's sends ${SEND_BATCH} per request` : ""}; load average (1 min) during the runs: ${loads.join(", ")}`,
);
console.log("| figure | bare Baileys (ceiling) | Wagate | ratio ceiling ÷ Wagate |");
console.log("| --- | --- | --- | --- |");
for (const direction of ["outbound", "inbound"] as const) {
  const c = median(ceilings.map((x) => x[direction].perSecond));
  const g = median(gateways.map((x) => x[direction].perSecond));
  console.log(`| ${direction}, messages/s | ${c.toFixed(1)} | ${g.toFixed(1)} | **${(c / g).toFixed(2)}** |`);
  const cc = median(ceilings.map((x) => x[direction].cpuMsPerMessage ?? NaN));
  const gc = gateways.map((x) => x[direction].cpuMsPerMessage).filter((x): x is number => x !== null);
  console.log(
    `| ${direction}, CPU ms per message | ${cc.toFixed(1)} | ${gc.length ? median(gc).toFixed(1) : "n/a"} | ${gc.length ? (median(gc) / cc).toFixed(2) + "× the CPU" : ""} |`,
  );
  const tx = gateways.map((x) => x[direction].commitsPerMessage).filter((x): x is number => typeof x === "number");
  if (tx.length) console.log(`| ${direction}, database transactions per message | — | ${median(tx).toFixed(1)} | |`);
  // The benchmark's own client shares the cores: the ceiling's is in its own figure, in-process.
  const client = median(gateways.map((x) => x[direction].clientCpuMsPerMessage ?? NaN));
  console.log(`| ${direction}, benchmark client's CPU ms per message | (in the ceiling's own) | ${client.toFixed(1)} | |`);
}
if (floors.length) {
  // What durability alone costs: bare Baileys writing the least a gateway that loses nothing must
  // write, its process's CPU without PostgreSQL's. The goal's 1.25 against this ratio.
  console.log("");
  console.log("| figure | bare Baileys (ceiling) | bare Baileys + the least durable writes (floor) | ratio ceiling ÷ floor | ratio floor ÷ Wagate |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const direction of ["outbound", "inbound"] as const) {
    const c = median(ceilings.map((x) => x[direction].perSecond));
    const f = median(floors.map((x) => x[direction].perSecond));
    const g = median(gateways.map((x) => x[direction].perSecond));
    console.log(`| ${direction}, messages/s | ${c.toFixed(1)} | ${f.toFixed(1)} | **${(c / f).toFixed(2)}** | ${(f / g).toFixed(2)} |`);
    const cc = median(ceilings.map((x) => x[direction].cpuMsPerMessage ?? NaN));
    const fc = median(floors.map((x) => x[direction].cpuMsPerMessage ?? NaN));
    console.log(`| ${direction}, CPU ms per message (its process) | ${cc.toFixed(1)} | ${fc.toFixed(1)} | ${(fc / cc).toFixed(2)}× the CPU | |`);
  }
}
process.exit(0);
