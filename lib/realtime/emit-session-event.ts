import "server-only";
// Sends one recorded event to a session's Socket.io rooms, in each payload format: our default
// payload to the default rooms, Chatery's shape to the sockets that asked for it. QR codes (the
// `qr` event, and the `qr` field of connection.update) reach only the rooms of those who may manage
// the session.
//
// Several nodes (issue 16): the node that recorded the event sends it once to every other node
// (serverSideEmit over the cluster adapter, with the session's current QR code, which only the
// holder knows), and each node emits it to its own clients. So a Chatery client on any node gets
// Chatery's payload — shaping is async (a QR drawn, a database read) and per format, which a room
// emit through the adapter cannot do on the receiving node — and each node shapes only for the
// Chatery clients it has.
import type { Server } from "socket.io";
import { toChaterySocketEvent } from "@/lib/compat/chatery/to-chatery-socket-event";
import type { RecordedEvent } from "@/lib/events/event-outbox";
import { logger } from "@/lib/logger";
import { sessionManageRoom, sessionRoom } from "@/lib/realtime/session-room";
import { db, getRuntime } from "@/lib/server/runtime";

const RELAY = "wagate:session-event";

/** An event as it travels between nodes: the webhook bookkeeping stays, the current QR code joins. */
type RelayedEvent = Omit<RecordedEvent, "webhookIds"> & { qr: string | null };

function hasMembers(io: Server, room: string): boolean {
  return (io.of("/").adapter.rooms.get(room)?.size ?? 0) > 0;
}

export function emitSessionEvent(io: Server, e: RecordedEvent): void {
  // Ultimate WhatsApp Gateway's connection.update carries `qr`: the current code for managers, null for the others.
  const qr = e.event === "connection.update" ? (getRuntime().sessions.get(e.sessionDbId)?.live().qr ?? null) : null;
  const { webhookIds: _webhookIds, ...event } = e;
  const relayed: RelayedEvent = { ...event, qr };
  if (getRuntime().cluster) io.serverSideEmit(RELAY, relayed);
  emitHere(io, relayed);
}

/** Several nodes: on every node, emits the events other nodes recorded to this node's clients. */
export function relaySessionEvents(io: Server): void {
  io.on(RELAY, (e: RelayedEvent) => emitHere(io, e));
}

function emitHere(io: Server, e: RelayedEvent): void {
  // This node's clients only: the other nodes were sent the event and emit it to theirs.
  const here = io.local;
  // `eventId`, not `id`: message events carry the message's own id in `id`.
  const payload = {
    ...e.data,
    eventId: e.id,
    ...(e.seq !== undefined && e.seq !== null ? { seq: e.seq } : {}),
    sessionId: e.sessionId,
    timestamp: e.timestamp,
  };
  const room = sessionRoom(e.sessionDbId);
  const manage = sessionManageRoom(e.sessionDbId);
  if (e.event === "qr") here.to(manage).emit(e.event, payload);
  else if (e.event === "connection.update") {
    here
      .to(room)
      .except(manage)
      .emit(e.event, { ...payload, qr: null });
    here.to(manage).emit(e.event, { ...payload, qr: e.qr });
  } else here.to(room).emit(e.event, payload);

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
    here.to(target).emit(e.event, shaped);
  })().catch((error: unknown) => logger.error({ err: error, event: e.event }, "Chatery-format socket event failed"));
}
