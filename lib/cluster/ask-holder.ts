import "server-only";
// Several nodes (issue 16): operations that need a session's live WhatsApp connection, asked of the
// node that holds it. The request goes to every other node over the Socket.io cluster adapter
// (serverSideEmit with acknowledgements, PostgreSQL NOTIFY underneath); the holder answers, the
// others answer null. No answer in time (the holder died, or nobody holds the session): 503.
// Built for check-number first; profile pictures, group actions, QR and pairing code are not yet.
import type { Server } from "socket.io";
import { AppError } from "@/lib/errors/app-error";
import type { SessionManager } from "@/lib/whatsapp/session-manager";

// The adapter waits 5 s for every other node's answer, then answers with those it has.
const EVENT = "wagate:on-holder";

interface HolderRequest {
  sessionDbId: string;
  op: "onWhatsApp";
  args: string[];
}
type HolderAnswer = { ok: true; result: unknown } | { ok: false; error: string } | null;

/** On every node: answers the requests for sessions connected here. */
export function answerHolderRequests(io: Server, sessions: SessionManager): void {
  io.on(EVENT, async (request: HolderRequest, ack: (answer: HolderAnswer) => void) => {
    const sock = sessions.get(request.sessionDbId)?.socket;
    if (!sock || request.op !== "onWhatsApp") return ack(null);
    try {
      ack({ ok: true, result: (await sock.onWhatsApp(...request.args)) ?? [] });
    } catch (error) {
      ack({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** `sock.onWhatsApp(...digits)` on the node holding the session. */
export async function onWhatsAppOnHolder(io: Server, session: { id: string; sessionId: string }, digits: string[]) {
  const answers = await new Promise<HolderAnswer[]>((resolve) =>
    io.serverSideEmit(
      EVENT,
      { sessionDbId: session.id, op: "onWhatsApp", args: digits } satisfies HolderRequest,
      (_error: unknown, responses: HolderAnswer[]) => resolve(responses ?? []),
    ),
  );
  const answer = answers.find((a) => a !== null);
  if (!answer) throw new AppError("UNAVAILABLE", `Session ${session.sessionId} is not connected`);
  if (!answer.ok) throw new Error(`check on the session's node failed: ${answer.error}`);
  return answer.result as { jid: string; exists: boolean }[];
}
