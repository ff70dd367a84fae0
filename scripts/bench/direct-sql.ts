// What one statement costs the gateway's CPU through Prisma's ORM, through Prisma's $queryRaw, and
// straight on Prisma's pg pool (lib/db/direct-sql.ts), in one process, alternating the three.
//   DATABASE_URL=… npx tsx --import ./scripts/hooks/register.mjs scripts/bench/direct-sql.ts [iterations=3000] [rounds=3]
// Statements: the session look-up every send starts with (getSessionOrThrow, as it was and as it
// is) and a one-row UPDATE like the send queue's claim. Prints µs of CPU and of wall time per
// statement and the ratio to the direct path; asserts nothing. Needs PostgreSQL (a fresh database
// is created and dropped).
import { Prisma } from "../../lib/generated/prisma/client";
import { direct } from "../../lib/db/direct-sql";
import { SESSION_SELECT } from "../../lib/sessions/public-session";
import { scratchDatabase } from "./scratch-database";

const [iterations = 3000, rounds = 3] = process.argv.slice(2).map(Number).filter(Boolean);
const database = await scratchDatabase();
const { db, owner, session } = database;

// The look-up as getSessionOrThrow made it before (findMany with SESSION_SELECT) and makes it now.
const columns = Prisma.raw(
  Object.keys(SESSION_SELECT)
    .map((field) => `s."${field}"`)
    .join(", "),
);
const lookUpSql = Prisma.sql`SELECT ${columns} FROM whatsapp_sessions s
  WHERE s."ownerId" = ${owner.id} AND (s."sessionId" = ${"shop"} OR s.id = ${"shop"}) LIMIT 50`;
const updateSql = Prisma.sql`UPDATE whatsapp_sessions SET "updatedAt" = (now() AT TIME ZONE 'UTC') WHERE id = ${session.id}`;

const cases: Array<[string, () => Promise<unknown>]> = [
  [
    "session look-up, Prisma findMany",
    () =>
      db.whatsappSession.findMany({
        where: { AND: [{ ownerId: owner.id }, { OR: [{ sessionId: "shop" }, { id: "shop" }] }] },
        select: SESSION_SELECT,
        take: 50,
      }),
  ],
  ["session look-up, Prisma $queryRaw", () => db.$queryRaw(lookUpSql)],
  ["session look-up, direct", () => direct(db).$queryRaw(lookUpSql)],
  ["one-row UPDATE, Prisma $executeRaw", () => db.$executeRaw(updateSql)],
  ["one-row UPDATE, direct", () => direct(db).$executeRaw(updateSql)],
];

const results = new Map<string, Array<{ cpu: number; wall: number }>>();
for (const [, run] of cases) for (let i = 0; i < 200; i++) await run(); // warm-up: JIT, connections
for (let round = 0; round < rounds; round++) {
  for (const [name, run] of cases) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < iterations; i++) await run();
    const used = process.cpuUsage(cpu);
    const figure = { cpu: (used.user + used.system) / iterations, wall: ((performance.now() - started) * 1000) / iterations };
    results.set(name, [...(results.get(name) ?? []), figure]);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`${iterations} statements per case, ${rounds} rounds alternating (medians), PostgreSQL`);
console.log("| statement | CPU µs per statement | wall µs | CPU against direct |");
console.log("| --- | --- | --- | --- |");
const directOf = (name: string) => median(results.get(`${name.split(",")[0]}, direct`)!.map((r) => r.cpu));
for (const [name] of cases) {
  const figures = results.get(name)!;
  const cpu = median(figures.map((f) => f.cpu));
  console.log(`| ${name} | ${cpu.toFixed(0)} | ${median(figures.map((f) => f.wall)).toFixed(0)} | ${(cpu / directOf(name)).toFixed(1)}× |`);
}
await database.drop();
