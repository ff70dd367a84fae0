import "server-only";
import type { WASocket } from "@whiskeysockets/baileys";
import { AppError } from "@/lib/errors/app-error";
import { getRuntime } from "@/lib/server/runtime";

/** The session's live Baileys socket, or 503 (Ultimate WhatsApp Gateway: "WhatsApp socket not ready"). */
export function getConnectedSocket(session: { id: string; sessionId: string }): WASocket {
  const socket = getRuntime().sessions.get(session.id)?.socket;
  if (!socket) throw new AppError("UNAVAILABLE", `Session ${session.sessionId} is not connected`);
  return socket;
}

export function isSessionConnected(session: { id: string }): boolean {
  return Boolean(getRuntime().sessions.get(session.id)?.socket);
}

/**
 * Several nodes (issue 16): connected here, or held and connected on another node (whose send
 * queue will send it). On a single node the same as isSessionConnected.
 */
export async function isSessionConnectedAnywhere(session: { id: string }): Promise<boolean> {
  if (isSessionConnected(session)) return true;
  const { cluster, db } = getRuntime();
  if (!cluster || !(await cluster.heldElsewhere(session.id))) return false;
  const row = await db.whatsappSession.findUnique({ where: { id: session.id }, select: { status: true } });
  return row?.status === "CONNECTED";
}
