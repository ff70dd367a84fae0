// lib/db/direct-sql.ts against a real database: the hot path's raw statements on the pg pool answer
// exactly as Prisma's $queryRaw does (types of values and results, fragments, row counts), a
// transaction client keeps its own connection, and a unique violation is recognised either way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { direct, directSqlStats } from "@/lib/db/direct-sql";
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
