// lib/db/direct-sql.ts against a real database: the hot path's raw statements on the pg pool answer
// exactly as Prisma's $queryRaw does (types of values and results, fragments, row counts), a
// transaction client keeps its own connection, and a unique violation is recognised either way;
// directTransaction commits, rolls back, times out and gives its connection back like Prisma's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { direct, directSqlStats, directTransaction, poolOf } from "@/lib/db/direct-sql";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { createMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  await database.db.$executeRawUnsafe(
    `CREATE TABLE direct_rows (id text PRIMARY KEY, at timestamp(3) NOT NULL, at_zone timestamptz, n int8, small int, flag boolean,
       doc jsonb, tags text[], stamps timestamp(3)[], bytes bytea)`,
  );
});
afterAll(async () => {
  await database?.drop();
});

describe("direct()", () => {
  it("reads every column type of the hot path as Prisma's $queryRaw does", async () => {
    const db = database.db;
    const at = new Date("2026-11-30T21:15:03.123Z");
    await direct(db).$executeRaw`INSERT INTO direct_rows VALUES (${"a"}, ${at}, ${at}, ${BigInt("9007199254740993")}, ${7}, ${true},
      ${JSON.stringify({ k: ["v", 1] })}::jsonb, ${["x", "y"]}::text[], ${[at, new Date("2000-01-01T00:00:00Z")]}::timestamp(3)[], decode(${"AQID"}, 'base64'))`;
    await db.$executeRaw`INSERT INTO direct_rows (id, at) VALUES (${"b"}, ${at})`;

    const viaPrisma = await db.$queryRaw<unknown[]>`SELECT id, at, at_zone, n, small, flag, doc, tags, stamps FROM direct_rows ORDER BY id`;
    const viaPool = await direct(db).$queryRaw<unknown[]>`SELECT id, at, at_zone, n, small, flag, doc, tags, stamps FROM direct_rows ORDER BY id`;
    expect(viaPool).toEqual(viaPrisma);
    const [row] = viaPool as Array<Record<string, unknown>>;
    // A Date parameter is its UTC instant; a timestamp without zone comes back as that instant.
    expect(row.at).toEqual(at);
    expect(row.at_zone).toEqual(at);
    expect(row.n).toBe(BigInt("9007199254740993"));
    expect(row.stamps).toEqual([at, new Date("2000-01-01T00:00:00Z")]);
    const [bytes] = await direct(db).$queryRaw<Array<{ b: Buffer }>>`SELECT bytes AS b FROM direct_rows WHERE id = ${"a"}`;
    expect([...bytes.b]).toEqual([1, 2, 3]);
  });

  it("takes Prisma.Sql statements and fragments, and counts the rows a write touched", async () => {
    const db = database.db;
    const where = Prisma.sql`id IN (${Prisma.join(["a", "b", "nope"])})`;
    const statement = Prisma.sql`SELECT id FROM direct_rows WHERE ${where} ORDER BY id`;
    expect(await direct(db).$queryRaw(statement)).toEqual(await db.$queryRaw(statement));
    expect(await direct(db).$queryRaw`SELECT id FROM direct_rows WHERE ${where} AND small = ${7}`).toEqual([{ id: "a" }]);
    expect(await direct(db).$executeRaw`UPDATE direct_rows SET small = ${1} WHERE ${where}`).toBe(2);
    expect(await direct(db).$executeRaw`UPDATE direct_rows SET small = ${1} WHERE id = ${"nope"}`).toBe(0);
  });

  it("leaves a transaction's statements on the transaction's connection", async () => {
    const db = database.db;
    const fallbacks = directSqlStats().fallbacks;
    await expect(
      db.$transaction(async (tx) => {
        expect(direct(tx)).toBe(tx);
        await direct(tx).$executeRaw`UPDATE direct_rows SET small = ${99} WHERE id = ${"a"}`;
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const [row] = await direct(db).$queryRaw<Array<{ small: number }>>`SELECT small FROM direct_rows WHERE id = ${"a"}`;
    expect(row.small).toBe(1);
    expect(directSqlStats().fallbacks).toBe(fallbacks); // a transaction is not a fallback
  });

  it("counts a root client without a pool (made outside createPrismaClient) as a fallback, and still answers", async () => {
    const bare = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    const before = directSqlStats();
    const [fallbacks, statements] = [before.fallbacks, before.statements];
    expect(await direct(bare).$queryRaw`SELECT 3::int AS three`).toEqual([{ three: 3 }]);
    expect(directSqlStats().fallbacks).toBe(fallbacks + 1);
    await direct(database.db).$queryRaw`SELECT 1`;
    expect(directSqlStats().statements).toBe(statements + 1);
    await bare.$disconnect();
  });

  it("reports a unique violation in a shape isUniqueViolation knows, through either path", async () => {
    const db = database.db;
    const again = (runner: Pick<typeof db, "$executeRaw">) => runner.$executeRaw`INSERT INTO direct_rows (id, at) VALUES (${"a"}, now())`;
    const viaPool = await again(direct(db)).catch((e: unknown) => e);
    const viaPrisma = await again(db).catch((e: unknown) => e);
    expect(isUniqueViolation(viaPool)).toBe(true);
    expect(isUniqueViolation(viaPrisma)).toBe(true);
    expect(isUniqueViolation(new Error("other"))).toBe(false);
  });

  it("falls back to Prisma once the client is disconnected (the pool is ended)", async () => {
    // Used only through the pool, never by Prisma itself: $disconnect still ends the pool.
    const other = database.connect();
    expect(direct(other) === other).toBe(false);
    expect(await direct(other).$queryRaw`SELECT 1::int AS one`).toEqual([{ one: 1 }]);
    await other.$disconnect();
    expect(direct(other) === other).toBe(true);
    // …and Prisma still works afterwards, on a connection of its own.
    expect(await other.$queryRaw`SELECT 2::int AS two`).toEqual([{ two: 2 }]);
    expect(direct(other) === other).toBe(true);
    await other.$disconnect();
  });
});

describe("directTransaction()", () => {
  /** A transaction that sets t1's `small` and then throws `message`: it must roll back and rethrow. */
  const undone = (db: Parameters<typeof directTransaction>[0], small: number, message: string) =>
    expect(
      directTransaction(db, async (tx) => {
        await tx.$executeRaw`UPDATE direct_rows SET small = ${small} WHERE id = ${"t1"}`;
        throw new Error(message);
      }),
    ).rejects.toThrow(message);
  const smallOf = async (id: string) =>
    (await direct(database.db).$queryRaw<Array<{ small: number | null }>>`SELECT small FROM direct_rows WHERE id = ${id}`)[0]?.small;

  it("commits the work's statements on one connection and returns its result", async () => {
    const db = database.db;
    const statements = directSqlStats().statements;
    const result = await directTransaction(db, async (tx) => {
      await tx.$executeRaw`INSERT INTO direct_rows (id, at, small) VALUES (${"t1"}, ${new Date()}, ${5})`;
      // Uncommitted yet: the transaction sees its row, another connection does not.
      const [inside] = await tx.$queryRaw<
        Array<{ small: number; backend: number }>
      >`SELECT small, pg_backend_pid() AS backend FROM direct_rows WHERE id = ${"t1"}`;
      expect(inside.small).toBe(5);
      expect(await smallOf("t1")).toBeUndefined();
      const [again] = await tx.$queryRaw<Array<{ backend: number }>>`SELECT pg_backend_pid() AS backend`;
      expect(again.backend).toBe(inside.backend);
      return "done";
    });
    expect(result).toBe("done");
    expect(await smallOf("t1")).toBe(5);
    expect(directSqlStats().statements).toBeGreaterThanOrEqual(statements + 3);
  });

  it("rolls back and rethrows when the work throws, also after a failed statement", async () => {
    const db = database.db;
    await undone(db, 42, "changed my mind");
    expect(await smallOf("t1")).toBe(5);

    const failed = await directTransaction(db, async (tx) => {
      await tx.$executeRaw`UPDATE direct_rows SET small = ${43} WHERE id = ${"t1"}`;
      await tx.$executeRaw`INSERT INTO direct_rows (id, at) VALUES (${"t1"}, now())`; // duplicate key
    }).catch((e: unknown) => e);
    expect(isUniqueViolation(failed)).toBe(true);
    expect(await smallOf("t1")).toBe(5);
  });

  it("rolls back a transaction that runs past its timeout, and its later statements fail", async () => {
    const db = database.db;
    let later: unknown = null;
    await expect(
      directTransaction(
        db,
        async (tx) => {
          await tx.$executeRaw`UPDATE direct_rows SET small = ${44} WHERE id = ${"t1"}`;
          await new Promise((resolve) => setTimeout(resolve, 300));
          later = await tx.$executeRaw`UPDATE direct_rows SET small = ${45} WHERE id = ${"t1"}`.catch((e: unknown) => e);
        },
        { timeout: 100 },
      ),
    ).rejects.toThrow(/timed out after 100 ms/);
    expect(String(later)).toMatch(/timed out/);
    expect(await smallOf("t1")).toBe(5);
    // A statement still running when the time is up is cut off too.
    await expect(directTransaction(db, (tx) => tx.$queryRaw`SELECT pg_sleep(5)`, { timeout: 200 })).rejects.toThrow(/timed out/);
  });

  it("gives every connection back: a pool of one serves transactions that commit, fail and time out, in turn", async () => {
    const one = createPrismaClient(`${database.url}${database.url.includes("?") ? "&" : "?"}connection_limit=1`);
    try {
      const pool = poolOf(one)!;
      expect(pool.options.max).toBe(1);
      for (let i = 0; i < 3; i++) {
        await directTransaction(one, (tx) => tx.$executeRaw`UPDATE direct_rows SET small = ${i} WHERE id = ${"t1"}`);
        await directTransaction(one, async () => Promise.reject(new Error("no"))).catch(() => undefined);
        await directTransaction(one, () => new Promise((resolve) => setTimeout(resolve, 150)), { timeout: 50 }).catch(() => undefined);
      }
      // While the one connection is held, another transaction waits at most maxWait for it.
      let release!: () => void;
      const holding = directTransaction(one, () => new Promise<void>((resolve) => (release = resolve)));
      await expect(directTransaction(one, async () => 1, { maxWait: 100 })).rejects.toThrow(/within 100 ms/);
      release();
      await holding;
      expect(await directTransaction(one, async (tx) => (await tx.$queryRaw<Array<{ n: number }>>`SELECT 7::int AS n`)[0].n)).toBe(7);
      expect(await smallOf("t1")).toBe(2);
      expect(pool.totalCount).toBe(1);
      expect(pool.waitingCount).toBe(0);
    } finally {
      await one.$disconnect();
    }
  });

  it("runs in Prisma's interactive transaction for a client without a pool, rolling back alike", async () => {
    const bare = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    try {
      const fallbacks = directSqlStats().fallbacks;
      await undone(bare, 46, "undo");
      expect(await smallOf("t1")).toBe(2);
      await directTransaction(bare, (tx) => tx.$executeRaw`UPDATE direct_rows SET small = ${47} WHERE id = ${"t1"}`);
      expect(await smallOf("t1")).toBe(47);
      expect(directSqlStats().fallbacks).toBe(fallbacks + 2);
    } finally {
      await bare.$disconnect();
    }
  });
});

describe("prepared statements", () => {
  /** A client on a pool of one connection, so that what it prepared is seen from that connection. */
  const oneConnection = (params: string) => createPrismaClient(`${database.url}${database.url.includes("?") ? "&" : "?"}connection_limit=1${params}`);
  const preparedHere = async (db: PrismaClient) =>
    (await direct(db).$queryRaw<Array<{ statement: string }>>`SELECT statement FROM pg_prepared_statements ORDER BY prepare_time`).map((r) => r.statement);

  it("prepares each statement text once per connection, inside transactions too, up to statement_cache_size texts", async () => {
    const db = oneConnection("&statement_cache_size=3");
    try {
      for (let i = 0; i < 3; i++) {
        expect(await direct(db).$queryRaw`SELECT ${i}::int + 1 AS n`).toEqual([{ n: i + 1 }]);
      }
      await directTransaction(db, (tx) => tx.$queryRaw`SELECT ${"t1"}::text AS in_tx`);
      // The third text is the look at pg_prepared_statements itself; a fourth runs unprepared.
      const prepared = await preparedHere(db);
      expect(prepared).toEqual(["SELECT $1::int + 1 AS n", "SELECT $1::text AS in_tx", "SELECT statement FROM pg_prepared_statements ORDER BY prepare_time"]);
      expect(await direct(db).$queryRaw`SELECT ${5}::int * 2 AS doubled`).toEqual([{ doubled: 10 }]);
      expect(await preparedHere(db)).toEqual(prepared);
    } finally {
      await db.$disconnect();
    }
  });

  it("prepares nothing with statement_cache_size=0 or Prisma's pgbouncer=true", async () => {
    for (const params of ["&statement_cache_size=0", "&pgbouncer=true"]) {
      const db = oneConnection(params);
      try {
        expect(await direct(db).$queryRaw`SELECT ${2}::int AS n`).toEqual([{ n: 2 }]);
        expect(await preparedHere(db), params).toEqual([]);
      } finally {
        await db.$disconnect();
      }
    }
  });

  it("refuses a value it cannot write before the statement is sent, and the statement keeps working", async () => {
    const db = oneConnection("");
    try {
      const write = (doc: unknown) => direct(db).$executeRaw`UPDATE direct_rows SET doc = ${doc}::jsonb WHERE id = ${"a"}`;
      expect(await write({ ok: 1 })).toBe(1);
      await expect(write({ n: BigInt(1) })).rejects.toThrow(/BigInt/);
      expect(await write({ ok: 2 })).toBe(1);
      const [row] = await direct(db).$queryRaw<Array<{ doc: unknown }>>`SELECT doc FROM direct_rows WHERE id = ${"a"}`;
      expect(row.doc).toEqual({ ok: 2 });
    } finally {
      await db.$disconnect();
    }
  });
});
