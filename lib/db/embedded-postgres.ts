// The zero-setup database: PostgreSQL compiled to WebAssembly (PGlite), persisted in a folder and
// served on a loopback port, so the same `pg` driver, Prisma adapter and migrations serve both this
// and a real PostgreSQL server.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = path.resolve(dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  // PGlite has one connection; the socket server queues queries from several pool clients.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 20 });
  await server.start();
  const [, port] = server.getServerConn().split(":");
  if (!port || port === "0") throw new Error(`embedded PostgreSQL did not report its port (${server.getServerConn()})`);
  return {
    // One connection per client: PGlite has a single session, and the socket server keeps only a
    // transaction on one connection, not an extended-protocol exchange (Parse/Bind/Execute/Sync).
    // Two pooled connections interleave those messages ("bind message supplies 3 parameters, but
    // prepared statement … requires 1", "portal … does not exist") and requests fail under load.
    // No prepared statements either (statement_cache_size=0, lib/db/direct-sql.ts): PGlite keeps
    // its one session's prepared statements when a connection closes, and the pool's next
    // connection, preparing the same statement again, is refused ("prepared statement … already
    // exists").
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable&connection_limit=1&statement_cache_size=0`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
