// lib/queue/claim-with-lease.ts against a real PostgreSQL: claims are exclusive, ordered, leased,
// renewable and released; a lease that runs out makes the row due again (a crashed worker).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { defineLeaseQueue } from "@/lib/queue/claim-with-lease";
import { createMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
const queue = defineLeaseQueue({ table: "lease_jobs", dueColumn: "dueAt", attemptsColumn: "attempts", orderBy: Prisma.sql`seq` });

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  await database.db.$executeRawUnsafe(
    `CREATE TABLE lease_jobs (id text PRIMARY KEY, seq int NOT NULL, lane text NOT NULL, done boolean NOT NULL DEFAULT false,
       "dueAt" timestamp(3) NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'), attempts int NOT NULL DEFAULT 0)`,
  );
});
afterAll(async () => {
  await database?.drop();
});

async function reset(count: number) {
  await database.db.$executeRawUnsafe(`TRUNCATE lease_jobs`);
  for (let i = 0; i < count; i++) {
    await database.db.$executeRaw`INSERT INTO lease_jobs (id, seq, lane) VALUES (${`j${i}`}, ${count - i}, ${i % 2 ? "odd" : "even"})`;
  }
}

describe("defineLeaseQueue", () => {
  it("claims due rows in order, counts the attempt and leases them", async () => {
    await reset(4);
    const first = await queue.claim<{ id: string; attempts: number }>(database.db, { limit: 2, leaseMs: 60_000, returning: Prisma.sql`id, attempts` });
    expect(first.map((r) => r.id).sort()).toEqual(["j2", "j3"]); // seq 2 and 1
    expect(first.every((r) => r.attempts === 1)).toBe(true);
    const rest = await queue.claim<{ id: string }>(database.db, { limit: 10, leaseMs: 60_000 });
    expect(rest.map((r) => r.id).sort()).toEqual(["j0", "j1"]);
    expect(await queue.claim(database.db, { limit: 10, leaseMs: 60_000 })).toEqual([]);
  });

  it("filters by the caller's where", async () => {
    await reset(4);
    const odd = await queue.claim<{ id: string }>(database.db, { where: Prisma.sql`lane = ${"odd"} AND NOT done`, limit: 10, leaseMs: 60_000 });
    expect(odd.map((r) => r.id).sort()).toEqual(["j1", "j3"]);
  });

  it("never gives one row to two concurrent claimers", async () => {
    await reset(40);
    const other = database.connect();
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) => queue.claim<{ id: string }>(i % 2 ? other : database.db, { limit: 5, leaseMs: 60_000 })),
    );
    const ids = claims.flat().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(40);
  });

  it("makes a row due again when its lease runs out, unless renewed", async () => {
    await reset(2);
    const [a, b] = await queue.claim<{ id: string }>(database.db, { limit: 2, leaseMs: 300 });
    expect(await queue.renew(database.db, [a.id], 60_000, Prisma.sql`NOT done`)).toBe(1);
    let again: Array<{ id: string; attempts: number }> = [];
    for (let i = 0; i < 200 && again.length === 0; i++) {
      again = await queue.claim(database.db, { limit: 5, leaseMs: 60_000, returning: Prisma.sql`id, attempts` });
      if (again.length === 0) await new Promise((r) => setTimeout(r, 25));
    }
    expect(again).toEqual([{ id: b.id, attempts: 2 }]);
  });

  it("releases rows, optionally later and with extra assignments", async () => {
    await reset(2);
    const claimed = await queue.claim<{ id: string }>(database.db, { limit: 2, leaseMs: 60_000 });
    const ids = claimed.map((r) => r.id);
    expect(await queue.release(database.db, [ids[0]], { set: Prisma.sql`attempts = attempts - 1` })).toBe(1);
    expect(await queue.release(database.db, [ids[1]], { afterMs: 60_000 })).toBe(1);
    const now = await queue.claim<{ id: string; attempts: number }>(database.db, { limit: 5, leaseMs: 60_000, returning: Prisma.sql`id, attempts` });
    expect(now).toEqual([{ id: ids[0], attempts: 1 }]);
    expect(await queue.release(database.db, [ids[1]], { where: Prisma.sql`done` })).toBe(0);
  });

  it("refuses identifiers that are not plain names", () => {
    expect(() => defineLeaseQueue({ table: 'x"; DROP TABLE users; --', dueColumn: "dueAt" })).toThrow(/identifier/);
  });
});
