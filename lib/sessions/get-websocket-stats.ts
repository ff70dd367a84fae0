import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { sessionScope } from "@/lib/auth/scope";
import { sessionRoom } from "@/lib/realtime/session-room";
import { db, getRuntime } from "@/lib/server/runtime";

/** Chatery's WebSocket stats, limited to the sessions the caller may see (all for a superadmin). */
export async function getWebsocketStats(caller: Caller) {
  const { io } = getRuntime();
  const sessions = await db().whatsappSession.findMany({ where: sessionScope(caller), select: { id: true, sessionId: true } });
  const sessionRooms: Record<string, number> = {};
  for (const { id, sessionId } of sessions) {
    const size = io?.sockets.adapter.rooms.get(sessionRoom(id))?.size ?? 0;
    // Keyed by public id, as Chatery shows it (a superadmin may see two tenants' "shop" summed).
    if (size) sessionRooms[sessionId] = (sessionRooms[sessionId] ?? 0) + size;
  }
  return {
    success: true,
    data: {
      totalConnections: caller.role === "SUPERADMIN" ? (io?.engine.clientsCount ?? 0) : Object.values(sessionRooms).reduce((a, b) => a + b, 0),
      sessionRooms,
    },
  };
}
