import "server-only";
// Several nodes (issue 16): operations that need a session's live WhatsApp connection, asked of the
// node that holds it. The request goes to every other node over the Socket.io cluster adapter
// (serverSideEmit with acknowledgements, PostgreSQL NOTIFY underneath); the holder answers, the
// others answer null. No answer in time (the holder died, or nobody holds the session): 503.
// The operations are a fixed list (HOLDER_OPS), never a method name taken from the message, and
// their answers are plain JSON. Check-number and profile pictures go this way; group actions, QR
// and pairing code not yet.
import type { WASocket } from "@whiskeysockets/baileys";
import type { Server } from "socket.io";
import { AppError } from "@/lib/errors/app-error";
import { getConnectedSocket, isSessionConnected } from "@/lib/messages/get-connected-socket";
import { getRuntime } from "@/lib/server/runtime";
import type { SessionManager } from "@/lib/whatsapp/session-manager";

// The adapter waits 5 s for every other node's answer, then answers with those it has.
const EVENT = "wagate:on-holder";

/** What a node may be asked to do with a session's socket, and how. */
const HOLDER_OPS = {
  onWhatsApp: async (sock: WASocket, digits: string[]) => (await sock.onWhatsApp(...digits)) ?? [],
  // WhatsApp answers "item-not-found" (no picture) or "not-authorized" (privacy) as errors: null.
  profilePictureUrl: async (sock: WASocket, [jid]: string[]) => (await sock.profilePictureUrl(jid, "image").catch(() => undefined)) ?? null,
};
type HolderOp = keyof typeof HOLDER_OPS;
type HolderResult<O extends HolderOp> = Awaited<ReturnType<(typeof HOLDER_OPS)[O]>>;

interface HolderRequest {
  sessionDbId: string;
  op: HolderOp;
  args: string[];
}
type HolderAnswer = { ok: true; result: unknown } | { ok: false; error: string } | null;

/** On every node: answers the requests for sessions connected here. */
export function answerHolderRequests(io: Server, sessions: SessionManager): void {
  io.on(EVENT, async (request: HolderRequest, ack: (answer: HolderAnswer) => void) => {
    const sock = sessions.get(request.sessionDbId)?.socket;
    if (!sock || !Object.hasOwn(HOLDER_OPS, request.op) || !Array.isArray(request.args)) return ack(null);
    try {
      ack({ ok: true, result: await HOLDER_OPS[request.op](sock, request.args.map(String)) });
    } catch (error) {
      ack({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  });
}

/**
 * Runs `op` on the session's live socket: here when it is connected here, else (several nodes) on
 * the node that holds it. 503 when it is connected nowhere.
 */
export async function onSessionSocket<O extends HolderOp>(session: { id: string; sessionId: string }, op: O, args: string[]): Promise<HolderResult<O>> {
  const { cluster, io } = getRuntime();
  if (!cluster || !io || isSessionConnected(session)) return (await HOLDER_OPS[op](getConnectedSocket(session), args)) as HolderResult<O>;
  const answers = await new Promise<HolderAnswer[]>((resolve) =>
    io.serverSideEmit(EVENT, { sessionDbId: session.id, op, args } satisfies HolderRequest, (_error: unknown, responses: HolderAnswer[]) =>
      resolve(responses ?? []),
    ),
  );
  const answer = answers.find((a) => a !== null);
  if (!answer) throw new AppError("UNAVAILABLE", `Session ${session.sessionId} is not connected`);
  if (!answer.ok) throw new Error(`${op} on the session's node failed: ${answer.error}`);
  return answer.result as HolderResult<O>;
}
