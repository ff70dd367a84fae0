import "server-only";
// Several nodes (issue 16): Socket.io rooms span the nodes through PostgreSQL NOTIFY
// (@socket.io/postgres-adapter), so a client connected to any node receives the events of a
// session held by another — the holder records them and emits to the room; the adapter carries the
// emit to every node. Payloads over 8 kB travel through a table the adapter reads and prunes.
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import type { Logger } from "pino";
import type { Server } from "socket.io";

export async function attachClusterAdapter(io: Server, databaseUrl: string, logger: Logger): Promise<{ close(): Promise<void> }> {
  // One connection LISTENs for the cluster, the others publish and read large payloads.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  pool.on("error", (error) => logger.warn({ err: error }, "Socket.io cluster adapter connection failed"));
  await pool.query(`CREATE TABLE IF NOT EXISTS socket_io_attachments (id bigserial UNIQUE, created_at timestamptz DEFAULT now(), payload bytea)`);
  io.adapter(createAdapter(pool, { errorHandler: (error) => logger.warn({ err: error }, "Socket.io cluster adapter error") }));
  return { close: () => pool.end() };
}
