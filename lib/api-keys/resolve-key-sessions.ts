import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors/app-error";
import { db } from "@/lib/server/runtime";

/**
 * The internal ids of the sessions a key is to be restricted to, each looked up within what the
 * caller reaches: a key can never name a session its user could not use (another tenant's is 404).
 */
export async function resolveKeySessions(caller: Caller, refs: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const ref of new Set(refs)) {
    const session = await db().whatsappSession.findFirst({
      where: { AND: [sessionScope(caller), { OR: [{ id: ref }, { sessionId: ref }] }] },
      select: { id: true },
    });
    if (!session) throw notFound(`Session ${ref}`);
    ids.push(session.id);
  }
  return ids;
}
