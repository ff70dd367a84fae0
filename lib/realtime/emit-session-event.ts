import "server-only";
// Sends one recorded event to a session's Socket.io rooms, in each payload format: our default
// payload to the default rooms, Chatery's shape to the sockets that asked for it. QR codes (the
// `qr` event, and the `qr` field of connection.update) reach only the rooms of those who may manage
// the session.
import type { Server } from "socket.io";
import { toChaterySocketEvent } from "@/lib/compat/chatery/to-chatery-socket-event";
import type { RecordedEvent } from "@/lib/events/event-outbox";
import { logger } from "@/lib/logger";
import { sessionManageRoom, sessionRoom } from "@/lib/realtime/session-room";
import { db, getRuntime } from "@/lib/server/runtime";

function hasMembers(io: Server, room: string): boolean {
  return (io.of("/").adapter.rooms.get(room)?.size ?? 0) > 0;
}

export function emitSessionEvent(io: Server, e: RecordedEvent, payload: Record<string, unknown>): void {
  const room = sessionRoom(e.sessionDbId);
  const manage = sessionManageRoom(e.sessionDbId);
  if (e.event === "qr") io.to(manage).emit(e.event, payload);
  else if (e.event === "connection.update") {
    // Ultimate WhatsApp Gateway's connection.update carries `qr`: the current code for managers, null for the others.
    const qr = getRuntime().sessions.get(e.sessionDbId)?.live().qr ?? null;
    io.to(room)
      .except(manage)
      .emit(e.event, { ...payload, qr: null });
    io.to(manage).emit(e.event, { ...payload, qr });
  } else io.to(room).emit(e.event, payload);

  const chateryRoom = sessionRoom(e.sessionDbId, "chatery");
  const chateryManage = sessionManageRoom(e.sessionDbId, "chatery");
  const target = e.event === "qr" ? chateryManage : chateryRoom;
  if (!hasMembers(io, target)) return;
  void (async () => {
    const info =
      e.event === "connection.update"
        ? await db().whatsappSession.findUnique({ where: { id: e.sessionDbId }, select: { phoneNumber: true, profileName: true } })
        : null;
    const shaped = await toChaterySocketEvent(
      e.event,
      e.data,
      { sessionId: e.sessionId, timestamp: e.timestamp },
      info ? { phoneNumber: info.phoneNumber, name: info.profileName } : null,
    );
    io.to(target).emit(e.event, shaped);
  })().catch((error: unknown) => logger.error({ err: error, event: e.event }, "Chatery-format socket event failed"));
}
