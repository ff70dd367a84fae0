import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { attachPool } from "@/lib/db/direct-sql";
import { logger } from "@/lib/logger";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

export interface PoolSettings {
  /** The URL pg connects with: Prisma's own parameters taken out. */
  connectionString: string;
  /** Prisma's `connection_limit`, which the pg driver adapter would otherwise ignore. */
  connectionLimit: number | null;
  /**
   * How many of the hot path's statements are prepared once per connection (lib/db/direct-sql.ts):
   * Prisma's `statement_cache_size` (its default, 100, when absent); 0 with Prisma's
   * `pgbouncer=true`, because PgBouncer in transaction mode hands a prepared statement's next use
   * to another server connection.
   */
  statementCacheSize: number;
}

export const DEFAULT_STATEMENT_CACHE_SIZE = 100;

const nonNegativeInteger = (raw: string | null): number | null => (raw !== null && /^\d+$/.test(raw) ? Number(raw) : null);

/**
 * Prisma's URL parameters that the pg driver adapter would ignore, read and taken out of the URL.
 * The embedded database sets `connection_limit=1` and `statement_cache_size=0` (see
 * lib/db/embedded-postgres.ts).
 */
export function readPoolSettings(databaseUrl: string): PoolSettings {
  if (!/[?&](connection_limit|statement_cache_size|pgbouncer)=/.test(databaseUrl)) {
    return { connectionString: databaseUrl, connectionLimit: null, statementCacheSize: DEFAULT_STATEMENT_CACHE_SIZE };
  }
  const url = new URL(databaseUrl);
  const limit = nonNegativeInteger(url.searchParams.get("connection_limit"));
  const cacheSize = nonNegativeInteger(url.searchParams.get("statement_cache_size"));
  const pgbouncer = url.searchParams.get("pgbouncer") === "true";
  for (const name of ["connection_limit", "statement_cache_size", "pgbouncer"]) url.searchParams.delete(name);
  return {
    connectionString: url.toString(),
    connectionLimit: limit !== null && limit > 0 ? limit : null,
    statementCacheSize: pgbouncer ? 0 : (cacheSize ?? DEFAULT_STATEMENT_CACHE_SIZE),
  };
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
  const { connectionString, connectionLimit, statementCacheSize } = readPoolSettings(databaseUrl);
  // Our own pool, handed to the adapter (which ends it on $disconnect): the hot path's raw
  // statements reach the same connections without Prisma's query compiler (lib/db/direct-sql.ts).
  const pool = new pg.Pool({ connectionString, max: connectionLimit ?? poolSize });
  // An idle connection that breaks (the server restarted, a test dropped its database) is removed
  // by the pool and the next statement connects anew; unheard, the pool's "error" would end the process.
  pool.on("error", (error) => logger.warn({ err: idleConnectionError(error) }, "an idle database connection was closed"));
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  attachPool(client, pool, { statementCacheSize });
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
