import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/** The session's most recent events from the outbox, newest first in the order they were recorded (`seq`). */
export async function listSessionEvents(caller: Caller, idOrSessionId: string, limit = 200) {
  const session = await getSessionOrThrow(caller, idOrSessionId);
  const rows = await db().event.findMany({
    where: { sessionId: session.id },
    orderBy: { seq: "desc" },
    take: limit,
    select: { id: true, seq: true, event: true, payload: true, createdAt: true },
  });
  return rows.map((r) => ({ id: r.id, seq: Number(r.seq), event: r.event, timestamp: r.createdAt, data: r.payload }));
}
