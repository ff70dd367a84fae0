// One answer to "did this write hit a unique constraint?" (a concurrent twin got there first).
// Prisma's client says P2002; a raw statement through the driver adapter carries PostgreSQL's own
// code (23505) underneath instead; a raw statement sent directly on the pool (lib/db/direct-sql.ts)
// is pg's own error, with the code on it.
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } } | null;
  return e?.code === "P2002" || e?.code === "23505" || e?.meta?.driverAdapterError?.cause?.originalCode === "23505";
}
