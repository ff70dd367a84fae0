// The database benchmarks' common start (direct-sql.ts, webhook-backlog.ts, webhook-chain.ts): a
// fresh PostgreSQL database on DATABASE_URL's server with the migrations applied, a client on it,
// and one owner with one session. Exits with a usage message when DATABASE_URL is unset. `drop()`
// disconnects and removes the database.
import { applyMigrations } from "../../lib/db/apply-migrations";
import { createPrismaClient, type Db } from "../../lib/db/create-prisma-client";
import { createTestDatabase } from "../serve-test.mjs";

export interface ScratchDatabase {
  db: Db;
  owner: { id: string };
  session: { id: string; sessionId: string };
  drop(): Promise<void>;
}

export async function scratchDatabase(): Promise<ScratchDatabase> {
  if (!process.env.DATABASE_URL) {
    console.error("DATABASE_URL is required (a PostgreSQL server to create a scratch database on)");
    process.exit(2);
  }
  const database = await createTestDatabase(process.env.DATABASE_URL);
  const db = createPrismaClient(database.url, 4);
  try {
    await applyMigrations(database.url);
    const owner = await db.user.create({ data: { name: "b", email: "b@x.io", username: "bench", passwordHash: "x" } });
    const session = await db.whatsappSession.create({ data: { sessionId: "shop", name: "shop", ownerId: owner.id } });
    return {
      db,
      owner,
      session,
      async drop() {
        await db.$disconnect();
        await database.drop();
      },
    };
  } catch (error) {
    await db.$disconnect();
    await database.drop();
    throw error;
  }
}
