import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { hasPermission } from "@/lib/auth/permissions";
import { db } from "@/lib/server/runtime";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

/**
 * The session's most recent events from the outbox, newest first in the order they were recorded
 * (`seq`). The QR rule holds here as on Socket.io and webhooks: a QR code links a phone to the
 * session, so only those who may manage the session see `qr` events (and no QR inside any other
 * event's data).
 */
export async function listSessionEvents(caller: Caller, idOrSessionId: string, limit = 200) {
  const session = await getSessionOrThrow(caller, idOrSessionId);
  const mayManage = hasPermission(caller.role, "sessions.manage");
  const rows = await db().event.findMany({
    where: { sessionId: session.id, ...(mayManage ? {} : { event: { not: "qr" } }) },
    orderBy: { seq: "desc" },
    take: limit,
    select: { id: true, seq: true, event: true, payload: true, createdAt: true },
  });
  return rows.map((r) => ({ id: r.id, seq: Number(r.seq), event: r.event, timestamp: r.createdAt, data: mayManage ? r.payload : withoutQr(r.payload) }));
}

function withoutQr(payload: unknown): unknown {
  if (!payload || typeof payload !== "object" || Array.isArray(payload) || !("qr" in payload)) return payload;
  const { qr: _qr, ...rest } = payload as Record<string, unknown>;
  return rest;
}
