import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { attachPool } from "@/lib/db/direct-sql";
import { logger } from "@/lib/logger";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

/**
 * Prisma's own URL parameter for the pool size, `connection_limit`, which the pg driver adapter
 * would otherwise ignore. The embedded database sets it to 1 (see lib/db/embedded-postgres.ts).
 */
export function readConnectionLimit(databaseUrl: string): { connectionString: string; connectionLimit: number | null } {
  if (!databaseUrl.includes("connection_limit=")) return { connectionString: databaseUrl, connectionLimit: null };
  const url = new URL(databaseUrl);
  const raw = url.searchParams.get("connection_limit") ?? "";
  url.searchParams.delete("connection_limit");
  const limit = /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
  return { connectionString: url.toString(), connectionLimit: limit };
}

/**
 * What to log of an idle connection's error: pg-pool hangs the whole client on it (`err.client`),
 * which pino would write out in full — several kilobytes per connection, its settings included.
 */
export function idleConnectionError(error: Error): { type: string; message: string; code?: string } {
  const code = (error as { code?: unknown }).code;
  return { type: error.name, message: error.message, ...(typeof code === "string" ? { code } : {}) };
}

export function createPrismaClient(databaseUrl: string, poolSize = 20): PrismaClient {
  const { connectionString, connectionLimit } = readConnectionLimit(databaseUrl);
  // Our own pool, handed to the adapter (which ends it on $disconnect): the hot path's raw
  // statements reach the same connections without Prisma's query compiler (lib/db/direct-sql.ts).
  const pool = new pg.Pool({ connectionString, max: connectionLimit ?? poolSize });
  // An idle connection that breaks (the server restarted, a test dropped its database) is removed
  // by the pool and the next statement connects anew; unheard, the pool's "error" would end the process.
  pool.on("error", (error) => logger.warn({ err: idleConnectionError(error) }, "an idle database connection was closed"));
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  attachPool(client, pool);
  // The adapter ends the pool only if Prisma itself connected; the direct path may have used it
  // alone. Then end it here, and let a later Prisma connection make a pool of its own, as the
  // adapter does after ending it.
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    await disconnect();
    if (pool.ending) return;
    await pool.end();
    (adapter as unknown as { externalPool: pg.Pool | null }).externalPool = null;
  };
  return client;
}
