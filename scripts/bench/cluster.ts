// Benchmark of several nodes (issue 16): for 1, 2 and 3 gateway nodes (production build, CLUSTER_ENABLED,
// default heartbeat 5 s and lease 15 s) on one PostgreSQL and one emulator process:
//   restore   — all nodes restarted at once (SIGTERM, start): seconds until every session is CONNECTED
//   messages  — sends through the nodes in turn, 16 in flight: accepted-to-received messages per second
//   failover  — (2 and 3 nodes) one node SIGKILLed: seconds until its sessions are CONNECTED elsewhere
//   DATABASE_URL=postgresql://… npx tsx scripts/bench/cluster.ts [sessions=30] [messagesPerSession=5]
// Prints one JSON line per node count. On 2 cores expect no gain from more nodes: the figure is
// what coordination costs, and how long a failover takes.
import { loadavg } from "node:os";
import pg from "pg";
import { startTestServer, type TestServer } from "../serve-test.mjs";
import { request } from "../../tests/support/api-client";
import { clusterEnv, nodeIdOf, pairByCode, placement, startEmulatorProcess } from "../../tests/support/cluster";
import { ALICE, registerTenant, send } from "../../tests/support/sandbox";
import { until, waitFor } from "../../tests/support/wait";

if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL (a PostgreSQL server) is needed: several nodes cannot share the embedded database");
const [sessions = 30, perSession = 5] = process.argv.slice(2).map(Number).filter(Boolean);
const PORTS = [3181, 3182, 3183];
const emulator = await startEmulatorProcess();
process.on("exit", () => emulator.stop());
await emulator.call("createContact", ALICE);
const env = clusterEnv(emulator, { heartbeatMs: 5000, leaseMs: 15_000 });
const seconds = (ms: number) => Math.round(ms / 100) / 10;

for (const k of [1, 2, 3]) {
  const nodes: TestServer[] = [await startTestServer({ port: PORTS[0], env })];
  // Built (if it had to be) by the first start: later starts must not rebuild mid-run.
  process.env.WAGATE_TEST_BUILT = "1";
  const database = new pg.Client({ connectionString: nodes[0].databaseUrl! });
  await database.connect();
  try {
    const tenant = await registerTenant(nodes[0].baseUrl, "bench");
    for (let i = 0; i < sessions; i += 5) {
      await Promise.all(
        Array.from({ length: Math.min(5, sessions - i) }, (_, j) =>
          pairByCode(nodes[0].baseUrl, tenant, emulator, `1555${k}40${String(i + j).padStart(4, "0")}`),
        ),
      );
    }
    for (const port of PORTS.slice(1, k)) nodes.push(await startTestServer({ port, env, reuse: nodes[0].state }));
    const allConnected = async (on: Set<string>) =>
      (await placement(database, tenant.id)).every((r) => r.status === "CONNECTED" && r.nodeId && on.has(r.nodeId));
    let ids = new Set(await Promise.all(nodes.map((n) => nodeIdOf(n.baseUrl))));
    await until(() => allConnected(ids), Boolean, "sessions spread and connected", 180_000, 250);

    // restore: every node restarted at once.
    for (const node of nodes.slice().reverse()) await node.stop({ keep: true });
    const restartAt = Date.now();
    const restarted = await Promise.all(PORTS.slice(0, k).map((port) => startTestServer({ port, env, reuse: nodes[0].state })));
    const healthyAfter = Date.now() - restartAt;
    nodes.splice(0, nodes.length, ...restarted);
    ids = new Set(await Promise.all(nodes.map((n) => nodeIdOf(n.baseUrl))));
    await until(() => allConnected(ids), Boolean, "sessions restored", 180_000, 100);
    const restoreMs = Date.now() - restartAt;
    await until(
      async () => {
        const rows = await placement(database, tenant.id);
        return [...ids].every((id) => rows.filter((r) => r.nodeId === id).length >= Math.ceil(sessions / k) - 1) && rows.every((r) => r.status === "CONNECTED");
      },
      Boolean,
      "sessions spread again",
      180_000,
      250,
    );

    // messages: through every node in turn.
    const before = new Set((await emulator.call<{ id: string }[]>("received", ALICE)).map((m) => m.id));
    const all = (await request("GET", "/api/sessions", { baseUrl: nodes[0].baseUrl, as: { apiKey: tenant.key } })).body as { sessionId: string }[];
    const jobs = Array.from({ length: sessions * perSession }, (_, i) => ({ sessionId: all[i % all.length].sessionId, node: nodes[i % k] }));
    const accepted: string[] = [];
    const sendAt = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++];
          const res = await send(job.node.baseUrl, tenant, { sessionId: job.sessionId, jid: ALICE, message: { text: `bench ${next}` } });
          if (res.status === 200) accepted.push(res.body.messageId);
        }
      }),
    );
    await waitFor(
      "every bench message received",
      async () => {
        const got = new Set((await emulator.call<{ id: string }[]>("received", ALICE)).map((m) => m.id).filter((id) => !before.has(id)));
        return accepted.every((id) => got.has(id));
      },
      300_000,
    );
    const messagesMs = Date.now() - sendAt;

    // failover: the last node killed.
    let failover: { sessions: number; seconds: number } | null = null;
    if (k > 1) {
      const victim = nodes[k - 1];
      const victimId = await nodeIdOf(victim.baseUrl);
      const moved = (await placement(database, tenant.id)).filter((r) => r.nodeId === victimId).map((r) => r.id);
      const killedAt = Date.now();
      await victim.kill();
      const survivors = new Set([...ids].filter((id) => id !== victimId));
      await until(
        async () =>
          (await placement(database, tenant.id))
            .filter((r) => moved.includes(r.id))
            .every((r) => r.nodeId && survivors.has(r.nodeId) && r.status === "CONNECTED" && r.statusChangedAt.getTime() > killedAt - 1000),
        Boolean,
        "failover",
        120_000,
        100,
      );
      failover = { sessions: moved.length, seconds: seconds(Date.now() - killedAt) };
    }
    console.log(
      JSON.stringify({
        nodes: k,
        sessions,
        restore: {
          healthySeconds: seconds(healthyAfter),
          connectedSeconds: seconds(restoreMs),
          sessionsPerSecond: Math.round((sessions / restoreMs) * 10_000) / 10,
        },
        messages: { accepted: accepted.length, seconds: seconds(messagesMs), perSecond: Math.round((accepted.length / messagesMs) * 10_000) / 10 },
        failover,
        loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
      }),
    );
  } finally {
    await database.end().catch(() => {});
    for (const node of nodes.slice(1).reverse()) await node.stop({ keep: true });
    await nodes[0].stop();
  }
}
emulator.stop();
process.exit(0);
