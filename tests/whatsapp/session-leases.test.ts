// Issue 16, the lease rules on their own (real PostgreSQL, real SessionManagers and Baileys against
// the emulator, in this process): two "nodes" are two SessionManagers with a ClusterCoordinator each.
// - Claims racing for the same free sessions never give one session to both.
// - A node whose database link hangs closes its session while the lease is still unexpired, and the
//   other node then takes it over with a higher fencing token and connects it without a QR; the
//   emulator never sees both logged in at once; the old node's late status writes are fenced off.
// - A session the phone unlinks gives its lease back (it is no longer counted as the node's load).
// - Credential writes are fenced the same way: once another node took the lease (a higher token),
//   the old node's key and creds writes change nothing and fail.
import net from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClusterCoordinator } from "@/lib/cluster/cluster-coordinator";
import { claimFreeSessions } from "@/lib/cluster/session-leases";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { createCredentialsCipher } from "@/lib/whatsapp/credentials-cipher";
import { LeaseLostError, usePostgresAuthState } from "@/lib/whatsapp/postgres-auth-state";
import { APP_SECRET, startHarness, waitUntil, type Harness } from "../support/whatsapp-harness";

const HEARTBEAT_MS = 300;
const LEASE_MS = 1500;
const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });

/** A TCP relay to the database that can be made to hang (packets stop, connections stay open). */
function startRelay(target: { host: string; port: number }) {
  let hung = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    if (hung) return; // accepted, never answered
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => (client.destroy(), upstream.destroy());
    client.on("error", drop);
    upstream.on("error", drop);
  });
  return {
    listening: new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port))),
    hang() {
      hung = true;
      for (const s of sockets) s.pause();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe.skipIf(!process.env.DATABASE_URL)("session leases (several nodes on one PostgreSQL)", () => {
  it("two nodes claiming the same free sessions at once never both win one", async () => {
    const rows = await Promise.all(Array.from({ length: 20 }, (_, i) => h.createSession(`race-${i}`)));
    await h.database.db.$transaction([
      h.database.db.whatsappSession.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { autoConnect: true } }),
      h.database.db.waAuthEntry.createMany({ data: rows.map((r) => ({ sessionId: r.id, category: "creds", key: "creds", data: Buffer.from("{}") })) }),
    ]);
    const other = h.database.connect();
    const [a, b] = await Promise.all([claimFreeSessions(h.database.db, "node-a", 60_000, 20), claimFreeSessions(other, "node-b", 60_000, 20)]);
    const won = [...a, ...b].map((l) => l.sessionId).filter((id) => rows.some((r) => r.id === id));
    expect(won.length).toBe(20);
    expect(new Set(won).size).toBe(20);
    // Theirs now: a third claim finds nothing free, and the rows leave the later tests alone.
    expect(await claimFreeSessions(h.database.db, "node-c", 60_000, 20)).toEqual([]);
    await h.database.db.whatsappSession.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  });

  it("a broadcast (a tenant's webhooks changed) reaches the other nodes, not the sender", async () => {
    const make = (nodeId: string) =>
      new ClusterCoordinator({
        db: h.database.connect(),
        listenUrl: h.database.url,
        nodeId,
        address: nodeId,
        heartbeatMs: HEARTBEAT_MS,
        leaseMs: LEASE_MS,
        logger,
      });
    const sender = make("node-sender");
    const receiver = make("node-receiver");
    const heard: Record<string, (string | null)[]> = { sender: [], receiver: [] };
    sender.onBroadcast("webhooks", (p) => heard.sender.push(p));
    receiver.onBroadcast("webhooks", (p) => heard.receiver.push(p));
    const idle = { startLeased: async () => {}, closeLost: () => {}, stopForHandover: async () => {}, runCommand: async () => {} };
    await sender.start(idle);
    await receiver.start(idle);
    sender.broadcast("webhooks", "owner-1");
    await waitUntil(
      () => heard.receiver.length === 1,
      5000,
      () => "the other node to hear it",
    );
    expect(heard).toEqual({ sender: [], receiver: ["owner-1"] });
    await sender.stop();
    await receiver.stop();
  });

  it("a node cut off from the database closes its session before the lease expires; another takes it over without QR", async () => {
    const row = await h.createSession("failover");
    await h.pair(row, "15550401001");
    await h.manager.shutdown(); // paired, credentials stored, nobody connected

    const relay = startRelay({ host: new URL(h.database.url).hostname, port: Number(new URL(h.database.url).port || 5432) });
    const relayUrl = new URL(h.database.url);
    relayUrl.port = String(await relay.listening);
    const cutOffDb = createPrismaClient(relayUrl.toString(), 4);
    const coordinator = (db: typeof cutOffDb, listenUrl: string, nodeId: string) =>
      new ClusterCoordinator({ db, listenUrl, nodeId, address: nodeId, heartbeatMs: HEARTBEAT_MS, leaseMs: LEASE_MS, logger });

    const first = h.newManager();
    const firstNode = coordinator(cutOffDb, relayUrl.toString(), "node-first");
    await first.joinCluster(firstNode);
    expect(await first.restoreAll()).toBe(1);
    await waitUntil(
      () => first.get(row.id)?.status === "CONNECTED",
      20_000,
      () => "first node connected",
    );

    const second = h.newManager();
    const secondNode = coordinator(h.database.connect(), h.database.url, "node-second");
    await second.joinCluster(secondNode);
    expect(await second.restoreAll()).toBe(0); // the first one holds it

    const stale = first.get(row.id)!;
    const hungAt = new Date();
    relay.hang();
    await waitUntil(
      () => first.get(row.id) === undefined,
      10_000,
      () => "the cut-off node to close its session",
    );
    // Closed while its lease still runs: nobody else may have connected yet.
    const [lease] = await h.database.db.$queryRaw<{ unexpired: boolean; nodeId: string; token: number }[]>`
      SELECT "expiresAt" > (now() AT TIME ZONE 'UTC') AS unexpired, "nodeId", token FROM session_leases WHERE "sessionId" = ${row.id}`;
    expect(lease).toMatchObject({ unexpired: true, nodeId: "node-first", token: 1 });

    await waitUntil(
      () => second.get(row.id)?.status === "CONNECTED",
      20_000,
      () => "the second node to take the session over",
    );
    const [taken] = await h.database.db.$queryRaw<{ nodeId: string; token: number }[]>`
      SELECT "nodeId", token FROM session_leases WHERE "sessionId" = ${row.id}`;
    expect(taken).toEqual({ nodeId: "node-second", token: 2 });
    // The old holder's status writes are fenced by its lease: its late "stopped" does not land.
    await stale.stop("a late write from the node that lost the lease");
    expect((await h.database.db.whatsappSession.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("CONNECTED");
    expect(await h.database.db.sessionStatusEvent.count({ where: { sessionId: row.id, reason: "a late write from the node that lost the lease" } })).toBe(0);
    expect(await h.database.db.sessionStatusEvent.count({ where: { sessionId: row.id, status: "QR", createdAt: { gt: hungAt } } })).toBe(0);
    const jid = Object.keys(h.emulator.mostSimultaneousConnections()).find((j) => j.startsWith("15550401001"));
    expect(jid).toBeDefined();
    expect(h.emulator.mostSimultaneousConnections()[jid!]).toBe(1);

    await second.shutdown();
    await relay.close(); // the first node's hung queries fail now, so it can stop
    await first.shutdown();
    await cutOffDb.$disconnect().catch(() => {});
  });

  it("credential writes of a node that lost the lease change nothing", async () => {
    const row = await h.createSession("fenced-creds");
    const db = h.database.db;
    await db.$executeRaw`INSERT INTO "session_leases" ("sessionId", "nodeId", "expiresAt", token, "updatedAt")
      VALUES (${row.id}, 'node-old', (now() AT TIME ZONE 'UTC') + interval '1 minute', 1, now())`;
    let lease: { nodeId: string; token: number } | null = { nodeId: "node-old", token: 1 };
    const auth = await usePostgresAuthState(db, row.id, createCredentialsCipher(APP_SECRET), () => lease);
    const stored = async () =>
      (
        await db.waAuthEntry.findMany({
          where: { sessionId: row.id },
          select: { category: true, key: true, data: true },
          orderBy: [{ category: "asc" }, { key: "asc" }],
        })
      ).map((e) => `${e.category}/${e.key}/${Buffer.from(e.data).toString("base64")}`);

    // Holding the lease: every kind of write goes through.
    await auth.state.keys.set({ "pre-key": { "1": { public: Buffer.alloc(32, 1), private: Buffer.alloc(32, 2) } } });
    await auth.state.keys.set({ "pre-key": { "2": { public: Buffer.alloc(32, 3), private: Buffer.alloc(32, 4) }, "1": null } });
    await auth.saveCreds();
    const before = await stored();
    expect(before.map((e) => e.split("/").slice(0, 2).join("/"))).toEqual(["creds/", "pre-key/2"]);

    // Another node takes the session over (the token moves on); the old node's writes bounce.
    await db.$executeRaw`UPDATE "session_leases" SET "nodeId" = 'node-new', token = 2 WHERE "sessionId" = ${row.id}`;
    await expect(auth.state.keys.set({ "pre-key": { "3": { public: Buffer.alloc(32, 5), private: Buffer.alloc(32, 6) } } })).rejects.toBeInstanceOf(
      LeaseLostError,
    );
    await expect(auth.state.keys.set({ "pre-key": { "4": { public: Buffer.alloc(32, 7), private: Buffer.alloc(32, 8) }, "2": null } })).rejects.toBeInstanceOf(
      LeaseLostError,
    );
    await auth.state.keys.set({ "pre-key": { "2": null } }); // a delete bounces silently (it may find nothing to delete)
    Object.assign(auth.state.creds, { registrationId: 4242 });
    await expect(auth.saveCreds()).rejects.toBeInstanceOf(LeaseLostError);
    await auth.state.keys.clear?.();
    expect(await stored()).toEqual(before);

    // This node knows it holds nothing: refused before reaching the database.
    lease = null;
    await expect(auth.saveCreds()).rejects.toBeInstanceOf(LeaseLostError);
    expect(await stored()).toEqual(before);
    await db.whatsappSession.delete({ where: { id: row.id } });
  });

  it("a session the phone unlinks gives its lease back", async () => {
    const row = await h.createSession("unlinked");
    await h.pair(row, "15550401002");
    await h.manager.shutdown();
    const node = h.newManager();
    await node.joinCluster(
      new ClusterCoordinator({
        db: h.database.connect(),
        listenUrl: h.database.url,
        nodeId: "node-unlink",
        address: "x",
        // Nothing here waits for a lease to run out: a lease long enough that a node starved of
        // CPU on a loaded CI machine (1.5 s) does not lose it, and close the session, before the
        // phone unlinks it (CI saw this test time out once).
        heartbeatMs: 1000,
        leaseMs: 10_000,
        logger,
      }),
    );
    await node.restoreAll();
    await waitUntil(
      () => node.get(row.id)?.status === "CONNECTED",
      20_000,
      () => "connected under the lease",
    );
    expect(h.emulator.fault("15550401002", "logout")).toBeGreaterThan(0);
    await waitUntil(
      async () => {
        const [lease] = await h.database.db.$queryRaw<{ nodeId: string | null }[]>`SELECT "nodeId" FROM session_leases WHERE "sessionId" = ${row.id}`;
        return node.get(row.id)?.status === "LOGGED_OUT" && lease?.nodeId === null;
      },
      20_000,
      () => "the lease released after the phone unlinked the session",
    );
    await node.shutdown();
  });
});
