import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { sessionScopeSql } from "@/lib/auth/scope";
import { direct } from "@/lib/db/direct-sql";
import { db } from "@/lib/server/runtime";

/**
 * Phone numbers of the paired sessions the caller may see: the sandbox's tenant boundary. Every
 * contact message sent through the sandbox asks, so it is one raw statement on the pool with the
 * caller's scope as SQL (issue 10: Prisma's findMany cost ~0.7 ms of CPU, as in getSessionOrThrow).
 */
export async function visibleSessionPhones(caller: Caller): Promise<Map<string, string>> {
  const rows = await direct(db()).$queryRaw<Array<{ sessionId: string; phoneNumber: string }>>`
    SELECT s."sessionId", s."phoneNumber" FROM whatsapp_sessions s
    WHERE ${sessionScopeSql(caller)} AND s."phoneNumber" IS NOT NULL`;
  return new Map(rows.map((r) => [r.phoneNumber, r.sessionId]));
}
