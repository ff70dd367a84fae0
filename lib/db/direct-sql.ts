// The hot path's raw statements, straight to the pg pool that Prisma's driver adapter uses.
//
// Why: Prisma 6's client runs every statement, raw ones included, through its WebAssembly query
// compiler and its tracing and result-mapping layers. A one-row `$queryRaw` costs ~0.23–0.30 ms of
// CPU that way against ~0.07–0.11 ms through pg itself (issue 10, `scripts/bench/direct-sql.ts`), and a
// sent message runs half a dozen of them. `direct(runner)` gives the same tagged-template
// `$queryRaw` / `$executeRaw` on the very pool Prisma uses (same connections, same limit), so a
// call site changes by one word and keeps its SQL.
//
// Only statements on the root client go direct. A transaction client (`tx` of `$transaction`) is
// returned as it is, because its statements must run on the transaction's connection; so is a
// client created without `createPrismaClient` (nothing to reach). Never use `direct()` for the
// statements of an array-form `$transaction([...])`: those must stay Prisma's lazy promises.
//
// The statements are prepared: each text is parsed and planned once per connection and then only
// bound and run (pg's named statements), up to the URL's `statement_cache_size` texts per pool
// (see lib/db/create-prisma-client.ts). PostgreSQL spent about a third of these statements' time
// planning them again at every call (issue 10, pg_stat_statements during scripts/bench/compare.ts).
//
// Values and results are mapped as Prisma's raw queries map them, so both paths answer alike:
// a `timestamp` (without time zone, how Prisma stores DateTime) is UTC both ways, `int8` comes back
// as a bigint, a Date parameter is sent as its UTC instant. Errors are pg's own (a unique violation
// is `code: "23505"`; lib/db/is-unique-violation.ts knows both shapes).
import { createHash } from "node:crypto";
import pg from "pg";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

export type SqlRunner = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

// On globalThis: Next's bundles load their own copy of this module, and the route handlers' copy
// must find the pools server.ts's copy attached.
const holder = globalThis as unknown as {
  __wagateDirectPools?: WeakMap<object, pg.Pool>;
  __wagateStatementNames?: WeakMap<pg.Pool, StatementNames>;
  __wagateDirectStats?: DirectSqlStats;
};
const pools = (holder.__wagateDirectPools ??= new WeakMap<object, pg.Pool>());
const statementNames = (holder.__wagateStatementNames ??= new WeakMap<pg.Pool, StatementNames>());

export interface DirectSqlStats {
  /** Statements sent on a pool directly. */
  statements: number;
  /** Root clients that had no pool to go to (lost module state, a client made elsewhere): Prisma ran them. */
  fallbacks: number;
}
const stats = (holder.__wagateDirectStats ??= { statements: 0, fallbacks: 0 });

/** This process's counts, for GET /metrics. */
export const directSqlStats = (): Readonly<DirectSqlStats> => stats;

/**
 * The names under which a pool's statement texts are prepared. A name is a hash of its text, so
 * that both copies of this module (server.ts's and Next's bundles') name a text alike on a
 * connection they share; pg refuses a name it prepared with another text. The first `limit` texts
 * get one, and the rest run unprepared: statements whose text varies (a list of values spelled out
 * in the SQL) must not make every connection hold prepared statements without end.
 */
class StatementNames {
  private readonly names = new Map<string, string>();
  constructor(readonly limit: number) {}

  nameOf(text: string): string | undefined {
    let name = this.names.get(text);
    if (name === undefined) {
      if (this.names.size >= this.limit) return undefined;
      name = `wagate_${createHash("sha256").update(text).digest("base64url").slice(0, 32)}`;
      this.names.set(text, name);
    }
    return name;
  }
}

export interface PoolOptions {
  /** How many statement texts are prepared on each connection; 0: none. */
  statementCacheSize: number;
}

/** Called by createPrismaClient: `client`'s raw statements may use `pool` directly. */
export function attachPool(client: object, pool: pg.Pool, options: PoolOptions = { statementCacheSize: 0 }): void {
  pools.set(client, pool);
  if (options.statementCacheSize > 0 && !statementNames.has(pool)) statementNames.set(pool, new StatementNames(options.statementCacheSize));
}

/** The pool behind a client made by createPrismaClient (GET /metrics reports its use). */
export const poolOf = (client: object): pg.Pool | null => pools.get(client) ?? null;

const TIMESTAMP = 1114; // timestamp without time zone
const TIMESTAMP_ARRAY = 1115;
const INT8 = 20;

const utcTimestamp = (value: string): Date => new Date(`${value.replace(" ", "T")}Z`);

// Per query, like the driver adapter does: the process-wide pg.types stay untouched.
const types = {
  getTypeParser(oid: number, format?: string) {
    if (format !== "binary") {
      if (oid === TIMESTAMP) return utcTimestamp;
      if (oid === INT8) return (value: string) => BigInt(value);
      if (oid === TIMESTAMP_ARRAY) {
        const parseArray = pg.types.getTypeParser(1009 as never) as (value: string) => string[]; // text[]
        return (value: string) => parseArray(value).map((v) => (v === null ? null : utcTimestamp(v)));
      }
    }
    return pg.types.getTypeParser(oid as never, format as never);
  },
};

/**
 * A parameter as Prisma would bind it: instants in UTC, bigints as text, arrays element-wise, other
 * objects as JSON (as pg would write them). JSON here, not in pg: a value that cannot be written
 * (a bigint inside, a cycle) then fails the statement before it is sent. Inside pg it would fail
 * between a prepared statement's Parse and its Bind, and pg closes the statement on the server
 * while it goes on believing it prepared, so every later use on that connection would fail.
 */
function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toParameter);
  if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value) && typeof (value as { toPostgres?: unknown }).toPostgres !== "function") {
    return JSON.stringify(value);
  }
  return value;
}

/** A tagged template or a Prisma.Sql as $n text and values; Prisma.sql itself inlines nested fragments. */
function statementOf(query: TemplateStringsArray | Prisma.Sql, values: unknown[]): { text: string; values: unknown[] } {
  const sql = Array.isArray(query) ? Prisma.sql(query as TemplateStringsArray, ...values) : (query as Prisma.Sql);
  return { text: sql.text, values: sql.values.map(toParameter) };
}

/**
 * Raw statements on `target` (the pool, or one connection of a transaction), mapped like Prisma's.
 * `open` rejects a statement before it is sent (a transaction that timed out).
 */
function runnerOn(target: Pick<pg.Pool | pg.PoolClient, "query">, names: StatementNames | undefined, open: () => Error | null = () => null): SqlRunner {
  const run = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) => {
    const closed = open();
    if (closed) return Promise.reject(closed);
    const statement = statementOf(query, values);
    stats.statements++;
    return target.query({ text: statement.text, values: statement.values, types, name: names?.nameOf(statement.text) });
  };
  return {
    $queryRaw: (async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => (await run(query, values)).rows) as SqlRunner["$queryRaw"],
    $executeRaw: (async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
      (await run(query, values)).rowCount ?? 0) as SqlRunner["$executeRaw"],
  };
}

const runners = new WeakMap<pg.Pool, SqlRunner>();

/**
 * `runner`'s raw statements without Prisma's query compiler when `runner` is a root client made
 * by createPrismaClient; `runner` itself otherwise (a transaction client, a test's own client).
 */
export function direct<K extends keyof SqlRunner>(runner: Pick<SqlRunner, K>): Pick<SqlRunner, K> {
  const pool = pools.get(runner);
  if (!pool) {
    // A transaction client has no $connect; a root client without a pool is worth knowing of.
    if ("$connect" in runner) stats.fallbacks++;
    return runner;
  }
  // After $disconnect the adapter has ended the pool; Prisma would connect again, so let it.
  if (pool.ending) return runner;
  let found = runners.get(pool);
  if (!found) runners.set(pool, (found = runnerOn(pool, statementNames.get(pool))));
  return found;
}

export interface DirectTransactionOptions {
  /** Longest wait for a connection, ms (Prisma's `maxWait`). */
  maxWait?: number;
  /** Longest the transaction may run, ms (Prisma's `timeout`): then it is rolled back and fails. */
  timeout?: number;
}

/**
 * `work` in one transaction on a connection of the pool, its statements sent without Prisma's
 * query compiler: committed when `work` resolves, rolled back when it throws (the error is
 * rethrown) or runs past `timeout`. The runner it gets has only raw statements; a client made
 * without createPrismaClient (no pool to reach) runs it in Prisma's own interactive transaction.
 *
 * Why (issue 10): Prisma's interactive transaction costs ~0.6 ms of CPU on its own, beside its
 * statements (`scripts/bench/direct-sql.ts`), and the message store opens one for nearly every
 * batch WhatsApp sends us. Same connections as Prisma's, so the embedded database's pool of one
 * still holds: nothing inside `work` may use the root client.
 */
export async function directTransaction<T>(
  db: Pick<PrismaClient, "$transaction">,
  work: (tx: SqlRunner) => Promise<T>,
  options: DirectTransactionOptions = {},
): Promise<T> {
  const { maxWait = 2_000, timeout = 5_000 } = options;
  const pool = pools.get(db);
  if (!pool || pool.ending) {
    if (!pool) stats.fallbacks++;
    return db.$transaction((tx) => work(tx), { maxWait, timeout });
  }
  const client = await connectWithin(pool, maxWait);
  let closed: Error | null = null;
  const timer = setTimeout(() => {
    closed = new Error(`Transaction timed out after ${timeout} ms and was rolled back`);
    // Destroying the connection ends the transaction on the server; statements still running fail.
    client.release(closed);
  }, timeout);
  try {
    await client.query("BEGIN");
    const result = await work(runnerOn(client, statementNames.get(pool), () => closed));
    if (closed) throw closed;
    clearTimeout(timer);
    await client.query("COMMIT");
    client.release();
    return result;
  } catch (error) {
    clearTimeout(timer);
    if (closed) throw closed;
    closed = error instanceof Error ? error : new Error(String(error));
    // A connection that cannot roll back is not given back to the pool.
    await client.query("ROLLBACK").then(
      () => client.release(),
      (rollbackError: Error) => client.release(rollbackError),
    );
    throw error;
  }
}

/** A pooled connection, or an error after `maxWait` ms (the connection, if it comes later, goes back). */
async function connectWithin(pool: pg.Pool, maxWait: number): Promise<pg.PoolClient> {
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const connecting = pool.connect();
  const waited = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(`No database connection became free within ${maxWait} ms`));
    }, maxWait);
  });
  connecting.then(
    (client) => timedOut && client.release(),
    () => undefined,
  );
  try {
    return await Promise.race([connecting, waited]);
  } finally {
    clearTimeout(timer);
  }
}
