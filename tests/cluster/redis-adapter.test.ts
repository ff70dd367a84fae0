// Issue 16, the Redis carrier: with REDIS_URL the nodes carry Socket.io (rooms, and the requests a
// node makes of a session's holder) over Redis pub/sub instead of PostgreSQL NOTIFY. The three-node
// file (failover.test.ts) runs in CI without REDIS_URL; this one runs two nodes with it, so CI shows
// the Redis path working too: the health check names the adapter, a Socket.io client on the first
// node hears a session the second holds, check-number and WhatsApp's refusal travel to the holder
// and back, and a holder that died answers 503 at once. A raw Redis client watches the cluster's
// channels, so a pass cannot come from PostgreSQL carrying the traffic after all.
//
// Skipped without DATABASE_URL (the cluster needs a real PostgreSQL) or when Redis does not answer
// PING at REDIS_URL (default redis://127.0.0.1:6379). Ports: CLUSTER_TEST_PORT + 4 and + 5 (3175,
// 3176), beside the three-node file's 3171–3173 when Vitest runs both at once; each file has its own
// emulator process and its own database (startTestServer creates one per first node).
import net from "node:net";
import pg from "pg";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../scripts/serve-test.mjs";
import { login, request } from "../support/api-client";
import {
  clusterEnv,
  nodeIdOf,
  pairByCode,
  placement as placementOf,
  startEmulatorProcess,
  type ClusterSession,
  type EmulatorProcess,
} from "../support/cluster";
import { ALICE, joinSession, registerTenant, socketFor, type Tenant } from "../support/sandbox";
import { until, waitFor } from "../support/wait";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
// Host and port only, for titles: a URL may carry a password.
const REDIS_AT = new URL(REDIS_URL).host;
const PORTS = [4, 5].map((i) => Number(process.env.CLUSTER_TEST_PORT ?? 3171) + i);
// A lease far longer than the 503 check below takes: the second node's session must still be its
// own (unexpired, not yet taken over by the first) when it is asked for after the SIGKILL.
const HEARTBEAT_MS = 2000;
const LEASE_MS = 15_000;
const ADMIN_EMAIL = "root@redis-cluster.test";
const ADMIN_PASSWORD = "redis-cluster-admin-password";

/** Whether something answers PING with PONG at `url` within `timeoutMs` (plain TCP, no client library). */
function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || "127.0.0.1", port: Number(port || 6379) });
    let reply = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => {
      reply += data.toString();
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
  });
}

const skipReason = !process.env.DATABASE_URL
  ? "DATABASE_URL unset: the cluster needs PostgreSQL"
  : !(await redisAnswers(REDIS_URL))
    ? `no Redis answering PING at ${REDIS_AT}`
    : null;

const nodes: TestServer[] = [];
let emulator: EmulatorProcess;
let database: pg.Client;
let tenant: Tenant;
let ids: string[] = [];
/** The session the first node holds, and the one the second holds. */
let onFirst: ClusterSession;
let onSecond: ClusterSession;
/** A raw Redis client for questions, and one subscribed (a subscribed client may only subscribe). */
let redis: ReturnType<typeof createClient> | undefined;
let watcher: ReturnType<typeof createClient> | undefined;
/** The adapter's key for this run's cluster (attach-cluster-adapter.ts: `wagate:<database name>`). */
let key: string;
/** Every message Redis carried on this cluster's channels, by channel. */
const carried: string[] = [];

const placement = () => placementOf(database, tenant.id);
const carriedOn = (suffix: string) => carried.filter((channel) => channel.startsWith(`${key}${suffix}`)).length;

beforeAll(async () => {
  if (skipReason) return;
  emulator = await startEmulatorProcess();
  await emulator.call("createContact", ALICE);
  const env = { ...clusterEnv(emulator, { heartbeatMs: HEARTBEAT_MS, leaseMs: LEASE_MS }), ADMIN_EMAIL, ADMIN_PASSWORD, REDIS_URL };
  nodes.push(await startTestServer({ port: PORTS[0], env }));
  // Same database and data directory (same secrets): the second node of one gateway.
  nodes.push(await startTestServer({ port: PORTS[1], env, reuse: nodes[0].state }));
  database = new pg.Client({ connectionString: nodes[0].databaseUrl! });
  await database.connect();
  key = `wagate:${new URL(nodes[0].databaseUrl!).pathname.slice(1)}`;
  // A pattern subscription: Redis does not count it in PUBSUB NUMSUB, which is how the adapter
  // knows how many nodes to wait for, so watching does not make the nodes wait for the watcher.
  redis = createClient({ url: REDIS_URL });
  watcher = redis.duplicate();
  await Promise.all([redis.connect(), watcher.connect()]);
  // Buffer mode: the adapter's payloads are binary (msgpack); only the channel is kept.
  await watcher.pSubscribe(`${key}*`, (_message, channel) => carried.push(channel.toString()), true);
  tenant = await registerTenant(nodes[0].baseUrl, "redis-cluster");
  try {
    // A session still to be paired stays on the node its connect reached: one through each.
    [onFirst, onSecond] = await Promise.all([
      pairByCode(nodes[0].baseUrl, tenant, emulator, "15550310001"),
      pairByCode(nodes[1].baseUrl, tenant, emulator, "15550310002"),
    ]);
    ids = await Promise.all(nodes.map((node) => nodeIdOf(node.baseUrl)));
    await until(
      placement,
      (rows) =>
        rows.length === 2 &&
        rows.every((r) => r.status === "CONNECTED") &&
        rows.find((r) => r.id === onFirst.id)?.nodeId === ids[0] &&
        rows.find((r) => r.id === onSecond.id)?.nodeId === ids[1],
      "each node to hold the session paired through it, CONNECTED",
      60_000,
    );
  } catch (error) {
    nodes.forEach((node, i) => console.log(`--- node ${i} (setup failed)\n${node.output().split("\n").slice(-40).join("\n")}`));
    throw error;
  }
}, 300_000);

afterAll(async () => {
  await Promise.all([redis, watcher].map((client) => client?.quit().catch(() => {})));
  await database?.end().catch(() => {});
  await nodes[1]?.stop({ keep: true });
  await nodes[0]?.stop();
  emulator?.stop();
});

describe.skipIf(skipReason !== null)(`two nodes over Redis (${REDIS_AT})${skipReason ? ` — skipped: ${skipReason}` : ""}`, () => {
  it("both nodes say they carry Socket.io over Redis, and Redis has their channels", async () => {
    for (const [i, node] of nodes.entries()) {
      const cookie = await login(ADMIN_EMAIL, ADMIN_PASSWORD, node.baseUrl);
      const health = await request("GET", "/api/health", { baseUrl: node.baseUrl, as: { cookie } });
      expect(health.status).toBe(200);
      expect(health.body.node).toBe(ids[i]);
      expect(health.body.cluster.adapter).toBe("redis");
    }
    // The adapter's request and response channels, and each node's own response channel (rooms
    // travel on a pattern subscription, which PUBSUB CHANNELS does not list).
    const channels = await redis!.pubSubChannels(`${key}*`);
    expect(channels).toEqual(expect.arrayContaining([`${key}-request#/#`, `${key}-response#/#`]));
    expect(channels.filter((c) => c.startsWith(`${key}-response#/#`) && c !== `${key}-response#/#`)).toHaveLength(2);
    // Both nodes listen for requests: each one's question reaches the other.
    expect(await redis!.pubSubNumSub(`${key}-request#/#`)).toEqual({ [`${key}-request#/#`]: 2 });
  });

  it("a Socket.io client on the first node hears a message to the session the second holds, through Redis", async () => {
    const socket = await socketFor(nodes[0].baseUrl, tenant.key);
    try {
      expect(await joinSession(socket, onSecond.sessionId)).toMatchObject({ ok: true });
      const heard: { event: string; payload: unknown }[] = [];
      socket.onAny((event: string, payload: unknown) => heard.push({ event, payload }));
      const before = carriedOn("-request#");
      const text = `over redis ${Date.now()}`;
      await emulator.call("contactSends", ALICE, onSecond.phone, text);
      const got = await waitFor(
        "the contact's message on the first node's socket",
        async () => heard.find((h) => JSON.stringify(h.payload).includes(text)),
        20_000,
      );
      expect(got.event).toBe("message");
      expect(got.payload).toMatchObject({ sessionId: onSecond.sessionId });
      // The second node sent it to the others over Redis (lib/realtime/emit-session-event.ts).
      expect(carriedOn("-request#")).toBeGreaterThan(before);
    } finally {
      socket.close();
    }
  });

  it("check-number through the first node is answered by the second, over Redis; WhatsApp's refusal comes back as its 404", async () => {
    const as = { apiKey: tenant.key };
    const [requests, responses] = [carriedOn("-request#"), carriedOn("-response#")];
    const checked = await request("POST", "/api/chat/check-number", {
      baseUrl: nodes[0].baseUrl,
      as,
      json: { sessionId: onSecond.sessionId, phones: [ALICE, "15559990000"] },
    });
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    expect(checked.body).toEqual([
      { phone: ALICE, exists: true, jid: `${ALICE}@s.whatsapp.net` },
      { phone: "15559990000", exists: false, jid: null },
    ]);
    expect(carriedOn("-request#")).toBeGreaterThan(requests);
    expect(carriedOn("-response#")).toBeGreaterThan(responses);

    // A group WhatsApp does not know: the second node's WhatsApp says 404, the first answers it.
    const unknownGroup = encodeURIComponent("120363000000000001@g.us");
    const refused = await request("GET", `/api/groups/${onSecond.sessionId}/${unknownGroup}?refresh=true`, { baseUrl: nodes[0].baseUrl, as });
    expect(refused.status, JSON.stringify(refused.body)).toBe(404);
    expect(refused.body.error).toMatch(/^WhatsApp refused to read the group/);
  });

  it("the second node SIGKILLed: asked through the first, its session is 503 while its lease runs out", async () => {
    await nodes[1].kill();
    // The dead node's Redis connection closed with it: Redis counts one node listening, so the
    // first node waits for nobody (over PostgreSQL it would wait out the adapter's 5 s).
    const requestChannel = `${key}-request#/#`;
    await until(
      () => redis!.pubSubNumSub(requestChannel),
      (n) => n[requestChannel] === 1,
      "Redis to drop the dead node's subscription",
      10_000,
    );
    const res = await request("POST", "/api/chat/check-number", {
      baseUrl: nodes[0].baseUrl,
      as: { apiKey: tenant.key },
      json: { sessionId: onSecond.sessionId, phones: [ALICE] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(503);
    expect(res.body).toEqual({ error: `Session ${onSecond.sessionId} is not connected` });
    // Still the dead node's lease: the 503 is "the holder is gone", not "nobody ever held it".
    expect((await placement()).find((r) => r.id === onSecond.id)?.nodeId).toBe(ids[1]);
  });
});
