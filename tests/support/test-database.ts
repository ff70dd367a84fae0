// A fresh, migrated database for one test file: a new database on the PostgreSQL server in
// DATABASE_URL (dropped afterwards), or an embedded PGlite in a temporary folder without it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { createPrismaClient, type Db } from "@/lib/db/create-prisma-client";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { createTestDatabase } from "../../scripts/serve-test.mjs";

export interface TestDatabase {
  url: string;
  db: Db;
  /** A second client on the same database (a "restarted process"). */
  connect(): Db;
  drop(): Promise<void>;
}

export async function createMigratedTestDatabase(): Promise<TestDatabase> {
  let url: string;
  let cleanup: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const created = await createTestDatabase(process.env.DATABASE_URL);
    url = created.url;
    cleanup = created.drop;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "wagate-db-"));
    const embedded = await startEmbeddedPostgres(dir);
    url = embedded.url;
    cleanup = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  await applyMigrations(url);
  const clients: Db[] = [];
  const connect = () => {
    const client = createPrismaClient(url);
    clients.push(client);
    return client;
  };
  const db = connect();
  return {
    url,
    db,
    connect,
    async drop() {
      await Promise.all(clients.map((c) => c.$disconnect().catch(() => {})));
      await cleanup();
    },
  };
}

/** An owner with one session (`sessionId`, also the owner's username), for tests that record events. */
export async function createOwnerSession(db: Db, sessionId: string): Promise<SessionRef> {
  const owner = await db.user.create({ data: { name: "o", email: `${sessionId}@t.local`, username: sessionId, passwordHash: "x", role: "OWNER" } });
  const session = await db.whatsappSession.create({ data: { name: "s", sessionId, ownerId: owner.id } });
  return { id: session.id, sessionId: session.sessionId, ownerId: owner.id };
}
