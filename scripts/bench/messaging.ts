// Benchmark: messages per second through the whole send path — POST /api/chat/send → the durable
// queue → the send worker → Baileys → the emulated WhatsApp server's ack — with pacing off, for 1
// and 10 sessions (time from the first request until every message is SENT); and the latency percentiles of POST /api/chat/send at a fixed request rate.
//   npx tsx scripts/bench/messaging.ts [messagesPerRun] [ratePerSecond] [seconds]   (default 500 10 20)
// Runs a sandbox gateway (production build, WA_MODE=sandbox) on loopback; the emulated network runs
// inside the gateway's process, so its CPU is part of the figures. Uses DATABASE_URL when set (a
// fresh database is created and dropped), else the embedded PostgreSQL. Prints figures, asserts nothing.
import { cpus } from "node:os";
import pg from "pg";
import { benchApi, pairSandboxSessions, registerBenchUser, startBenchGateway } from "./bench-client";

const [messagesPerRun = 500, ratePerSecond = 10, seconds = 20] = process.argv.slice(2).map(Number).filter(Boolean);
const CONCURRENCY = 16;
const CONTACTS = ["15550100002", "15550100003"];

const port = 3400 + Math.floor(Math.random() * 500);
const { gateway } = await startBenchGateway({ port });
const base = gateway.baseUrl;

const api = benchApi(base);

try {
  const { auth } = await registerBenchUser(api);
  // Ten paired sessions with pacing off.
  const sessions = await pairSandboxSessions(api, auth, 10);

  // The end of the path: the worker marks a message SENT once the emulated server acked it. Read
  // from the database (one indexed count per poll); without DATABASE_URL the embedded database is
  // private to the gateway, so the contacts' inboxes (one step further: decrypted) are polled instead.
  const db = gateway.databaseUrl ? new pg.Client({ connectionString: gateway.databaseUrl }) : null;
  await db?.connect();
  async function unsent(ids: string[]): Promise<number> {
    if (db) {
      const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM messages WHERE "keyId" = ANY($1) AND status = 'PENDING'`, [ids]);
      return Number(rows[0].n);
    }
    const received = new Set<string>();
    for (const contact of CONTACTS) for (const m of (await api("GET", `/api/sandbox/contacts/${contact}/messages`, undefined, auth)).body) received.add(m.id);
    return ids.filter((id) => !received.has(id)).length;
  }

  // One message to each contact first, so Signal sessions exist before timing starts.
  for (const sessionId of sessions) {
    for (const jid of CONTACTS) await api("POST", "/api/chat/send", { sessionId, jid, message: { text: "warm-up" } }, auth);
  }
  await new Promise((r) => setTimeout(r, 3000));

  async function throughput(sessionCount: number, total: number) {
    const ids: string[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < total) {
          const i = next++;
          const sessionId = sessions[i % sessionCount];
          const { body } = await api("POST", "/api/chat/send", { sessionId, jid: CONTACTS[i % CONTACTS.length], message: { text: `bench ${i}` } }, auth);
          ids.push(body.messageId);
        }
      }),
    );
    const accepted = performance.now();
    const deadline = Date.now() + 300_000;
    let left: number;
    while ((left = await unsent(ids)) > 0) {
      if (Date.now() > deadline) throw new Error(`${left} messages not SENT after 5 minutes`);
      await new Promise((r) => setTimeout(r, db ? 20 : 250));
    }
    const done = performance.now();
    return { total, acceptSeconds: (accepted - started) / 1000, seconds: (done - started) / 1000 };
  }

  console.log(
    `node ${process.version}, ${cpus().length} CPUs, ${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}, pacing off, ${CONCURRENCY} requests in flight`,
  );
  console.log("sessions\tmessages\taccepted in s\tall SENT in s\tmessages/s (end to end)\taccepted/s (API)");
  for (const sessionCount of [1, 10]) {
    const r = await throughput(sessionCount, messagesPerRun * (sessionCount === 1 ? 1 : 2));
    console.log(
      [sessionCount, r.total, r.acceptSeconds.toFixed(2), r.seconds.toFixed(2), (r.total / r.seconds).toFixed(1), (r.total / r.acceptSeconds).toFixed(1)].join(
        "\t",
      ),
    );
  }

  // Open loop: requests start on schedule whether or not earlier ones have answered. Once with
  // every message sent at once (pacing off: the API shares the process with the sends), once with
  // the default pacing (the queue absorbs the sends: mostly the API's own cost).
  async function latency(label: string) {
    await new Promise((r) => setTimeout(r, 3000));
    const count = ratePerSecond * seconds;
    const latencies: number[] = [];
    const start = performance.now();
    await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const due = start + (i * 1000) / ratePerSecond;
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        const t = performance.now();
        await api(
          "POST",
          "/api/chat/send",
          { sessionId: sessions[i % sessions.length], jid: CONTACTS[i % CONTACTS.length], message: { text: `latency ${i}` } },
          auth,
        );
        latencies.push(performance.now() - t);
      }),
    );
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
    console.log(`${label}\tp50 ${pct(50)} ms\tp95 ${pct(95)} ms\tp99 ${pct(99)} ms\tmax ${latencies.at(-1)!.toFixed(1)} ms`);
  }
  console.log(`\nPOST /api/chat/send at ${ratePerSecond}/s for ${seconds} s over 10 sessions (${ratePerSecond * seconds} requests)`);
  await latency("pacing off, each sent at once");
  for (const sessionId of sessions) await api("PATCH", `/api/sessions/${sessionId}/settings`, { config: { pacing: {} } }, auth);
  await latency("default pacing, queued");
  await db?.end();
} finally {
  await gateway.stop();
}
process.exit(0);
