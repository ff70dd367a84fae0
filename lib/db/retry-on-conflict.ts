// A write that PostgreSQL aborted to break a deadlock (40P01) or a serialization conflict (40001),
// tried again: the other transaction has gone on by then, so the second try normally passes.
// For operations a user asks for once and should not have to repeat (deleting a session, whose
// cascade meets whatever the session's workers were still writing). Both error shapes are
// recognised: Prisma's (P2034) and pg's, for statements sent past Prisma (lib/db/direct-sql.ts).
import { backoffMs } from "@/lib/queue/backoff";

export function isConflictAbort(error: unknown): boolean {
  const e = error as { code?: unknown; name?: unknown; severity?: unknown } | null;
  if (!e || typeof e.code !== "string") return false;
  if (String(e.name ?? "").startsWith("PrismaClient")) {
    if (e.code === "P2034") return true;
    // A raw statement's failure (P2010) carries PostgreSQL's own code.
    const cause = (e as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } } }).meta?.driverAdapterError?.cause;
    return e.code === "P2010" && (cause?.kind === "TransactionWriteConflict" || cause?.originalCode === "40P01" || cause?.originalCode === "40001");
  }
  return typeof e.severity === "string" && (e.code === "40P01" || e.code === "40001");
}

/** `work`, tried up to `attempts` times while it fails with a conflict abort; other errors at once. */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt + 1 >= attempts || !isConflictAbort(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt, { baseMs: 50, jitter: "full" })));
    }
  }
}
