import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope } from "@/lib/auth/scope";
import { db } from "@/lib/server/runtime";

/** Phone numbers of the paired sessions the caller may see: the sandbox's tenant boundary. */
export async function visibleSessionPhones(caller: Caller): Promise<Map<string, string>> {
  const rows = await db().whatsappSession.findMany({
    where: { ...sessionScope(caller), phoneNumber: { not: null } },
    select: { sessionId: true, phoneNumber: true },
  });
  return new Map(rows.map((r) => [r.phoneNumber!, r.sessionId]));
}
