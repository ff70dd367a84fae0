import { PrismaPg } from "@prisma/adapter-pg";
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

export function createPrismaClient(databaseUrl: string, poolSize = 20): PrismaClient {
  const { connectionString, connectionLimit } = readConnectionLimit(databaseUrl);
  const adapter = new PrismaPg({ connectionString, max: connectionLimit ?? poolSize });
  return new PrismaClient({ adapter });
}
