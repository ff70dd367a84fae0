// Benchmark of asking a session's holder (issue 16, lib/cluster/ask-holder.ts): two gateway nodes
// (production build, CLUSTER_ENABLED) on one PostgreSQL and one emulator process, 4 paired
// sessions. The same check-number request, for a session the first node holds, is sent through
// the first node (answered there) and through the second (asked of the first over the Socket.io
// cluster adapter), one at a time and 16 at a time:
//   DATABASE_URL=postgresql://… [REDIS_URL=redis://127.0.0.1:6379] npx tsx scripts/bench/ask-holder.ts [requests=300]
// With REDIS_URL the nodes carry it over Redis, else over PostgreSQL NOTIFY. Prints one JSON line
// (milliseconds per request, requests per second); asserts nothing.
import { loadavg } from "node:os";
import pg from "pg";
import { startTestServer, type TestServer } from "../serve-test.mjs";
import { request } from "../../tests/support/api-client";
import { clusterEnv, nodeIdOf, pairByCode, placement, startEmulatorProcess } from "../../tests/support/cluster";
import { ALICE, registerTenant } from "../../tests/support/sandbox";
import { until } from "../../tests/support/wait";

if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL (a PostgreSQL server) is needed: several nodes cannot share the embedded database");
const [count = 300] = process.argv.slice(2).map(Number).filter(Boolean);
const PORTS = [3194, 3195];
const SESSIONS = 4;
const emulator = await startEmulatorProcess();
process.on("exit", () => emulator.stop());
await emulator.call("createContact", ALICE);
const env = clusterEnv(emulator, { heartbeatMs: 2000, leaseMs: 6000 });

const nodes: TestServer[] = [await startTestServer({ port: PORTS[0], env })];
process.env.WAGATE_TEST_BUILT = "1";
const database = new pg.Client({ connectionString: nodes[0].databaseUrl! });
await database.connect();
try {
  const tenant = await registerTenant(nodes[0].baseUrl, "bench");
  const sessions = await Promise.all(
    Array.from({ length: SESSIONS }, (_, i) => pairByCode(nodes[0].baseUrl, tenant, emulator, `1555060${String(i).padStart(4, "0")}`)),
  );
  nodes.push(await startTestServer({ port: PORTS[1], env, reuse: nodes[0].state }));
  const [firstId, secondId] = await Promise.all(nodes.map((n) => nodeIdOf(n.baseUrl)));
  await until(
    () => placement(database, tenant.id),
    (rows) => rows.every((r) => r.status === "CONNECTED") && [firstId, secondId].every((id) => rows.filter((r) => r.nodeId === id).length === SESSIONS / 2),
    "sessions spread over both nodes",
    120_000,
    250,
  );
  const heldByFirst = (await placement(database, tenant.id)).find((r) => r.nodeId === firstId)!;
  const session = sessions.find((s) => s.id === heldByFirst.id)!;
  const check = (node: TestServer) =>
    request("POST", "/api/chat/check-number", { baseUrl: node.baseUrl, as: { apiKey: tenant.key }, json: { sessionId: session.sessionId, phones: [ALICE] } });
  // Until the second node's adapter knows the first, it answers 503 (the documented transient answer).
  await until(
    () => check(nodes[1]),
    (res) => res.status === 200,
    "the second node to reach the holder",
    30_000,
    250,
  );

  const measure = async (node: TestServer, concurrency: number) => {
    const times: number[] = [];
    let failed = 0;
    let next = 0;
    const startedAt = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < count) {
          const t0 = performance.now();
          const res = await check(node);
          times.push(performance.now() - t0);
          if (res.status !== 200) failed++;
        }
      }),
    );
    const elapsed = performance.now() - startedAt;
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 10) / 10;
    return { medianMs: at(0.5), p95Ms: at(0.95), perSecond: Math.round((times.length / elapsed) * 10_000) / 10, failed };
  };
  for (const node of nodes) await measure(node, 4); // warm-up
  const figures = {
    adapter: process.env.REDIS_URL ? "redis" : "postgres",
    requests: count,
    here: { sequential: await measure(nodes[0], 1), concurrent16: await measure(nodes[0], 16) },
    forwarded: { sequential: await measure(nodes[1], 1), concurrent16: await measure(nodes[1], 16) },
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
  };
  console.log(JSON.stringify(figures));
} finally {
  await database.end().catch(() => {});
  await nodes[1]?.stop({ keep: true });
  await nodes[0].stop();
  emulator.stop();
}
process.exit(0);
