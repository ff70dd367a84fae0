import "server-only";
// Several nodes (issue 16): Socket.io rooms span the nodes, so a client connected to any node
// receives the events of a session held by another, and a node can ask the others (serverSideEmit
// with acknowledgements: lib/cluster/ask-holder.ts, lib/realtime/emit-session-event.ts).
//
// Two carriers, one behaviour. By default PostgreSQL NOTIFY (@socket.io/postgres-adapter) over
// the database every node already has: nothing more to run; payloads over 8 kB travel through a
// table the adapter reads and prunes. With REDIS_URL, Redis pub/sub (@socket.io/redis-adapter,
// the `redis` client): no 8 kB limit, no table, and the database is spared the fan-out of every
// event — better where Redis is there anyway.
//
// Each carrier's packages are imported when it is chosen: a single node loads neither, and Redis's
// client (with its modules) stays out of a gateway that runs on PostgreSQL alone.
import pg from "pg";
import type { Logger } from "pino";
import type { Server } from "socket.io";

const REDIS_CONNECT_MS = 10_000;

export interface ClusterAdapter {
  kind: "postgres" | "redis";
  close(): Promise<void>;
}

export async function attachClusterAdapter(io: Server, options: { databaseUrl: string; redisUrl?: string; logger: Logger }): Promise<ClusterAdapter> {
  const { databaseUrl, redisUrl, logger } = options;
  if (redisUrl) {
    const [{ createClient }, { createAdapter: createRedisAdapter }] = await Promise.all([import("redis"), import("@socket.io/redis-adapter")]);
    const pub = createClient({ url: redisUrl });
    const sub = pub.duplicate();
    // The client reconnects by itself, retrying every half second: say so once per outage, not at
    // every retry. Without an error listener an error would end the process.
    for (const client of [pub, sub]) {
      let down = false;
      client.on("error", (error: unknown) => {
        if (!down) logger.warn({ err: error }, "Socket.io Redis adapter connection lost; reconnecting");
        down = true;
      });
      client.on("ready", () => {
        if (down) logger.info("Socket.io Redis adapter connection back");
        down = false;
      });
    }
    // A Redis that is not there at start would keep connect() waiting for ever: stop with a reason.
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.all([pub.connect(), sub.connect()]),
        new Promise((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error(`REDIS_URL: Redis did not answer within ${REDIS_CONNECT_MS / 1000} s`)), REDIS_CONNECT_MS);
        }),
      ]);
    } catch (error) {
      // disconnect() throws at once on a client that never opened.
      await Promise.all(
        [pub, sub].map((c) =>
          Promise.resolve()
            .then(() => c.disconnect())
            .catch(() => {}),
        ),
      );
      throw error;
    } finally {
      clearTimeout(timer);
    }
    // One cluster = one database: its name keeps two gateways that share a Redis apart (their
    // nodes would otherwise wait for each other's answers and receive each other's events).
    const key = `wagate:${decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || "default"}`;
    io.adapter(createRedisAdapter(pub, sub, { key }));
    return {
      kind: "redis",
      close: async () => {
        await Promise.all([pub.quit(), sub.quit()]).catch(() => {});
      },
    };
  }
  const { createAdapter: createPostgresAdapter } = await import("@socket.io/postgres-adapter");
  // One connection LISTENs for the cluster, the others publish and read large payloads.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  pool.on("error", (error) => logger.warn({ err: error }, "Socket.io cluster adapter connection failed"));
  await pool.query(`CREATE TABLE IF NOT EXISTS socket_io_attachments (id bigserial UNIQUE, created_at timestamptz DEFAULT now(), payload bytea)`);
  io.adapter(createPostgresAdapter(pool, { errorHandler: (error) => logger.warn({ err: error }, "Socket.io cluster adapter error") }));
  return { kind: "postgres", close: () => pool.end() };
}
