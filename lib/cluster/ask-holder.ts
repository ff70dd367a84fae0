import "server-only";
// Several nodes (issue 16): everything that needs a session's live WhatsApp connection — check
// number, profile picture, group actions, mark read, presence — and everything only the node running
// the session knows — its QR code, its live state, a pairing code — is done by the node that holds
// the session's lease. Asked on another node, the request goes to every other node over the
// Socket.io cluster adapter (serverSideEmit with acknowledgements: PostgreSQL NOTIFY, or Redis
// pub/sub when REDIS_URL is set); the lease holder answers, the others answer null. No answer in
// time (the holder died, or nobody holds the session): 503 — or, for the live state, the stored one.
//
// The operations are a fixed list (HOLDER_OPS), never a method name taken from the message; their
// arguments and answers are plain JSON (a group picture travels as base64). A refusal keeps its
// meaning across nodes: an AppError is answered with its code and message and thrown again as
// such; WhatsApp's own error (Baileys' Boom, whose code lib/groups/call-whatsapp.ts maps to 403, 404,
// 409, 429…) is answered with that code and thrown again with it, so the asking node maps it the same
// way as the holder would have.
import type { GroupParticipant, WAMessageKey, WAPresence } from "@whiskeysockets/baileys";
import type { Server } from "socket.io";
import { AppError, type ErrorCode } from "@/lib/errors/app-error";
import { getConnectedSocket } from "@/lib/messages/get-connected-socket";
import { getRuntime } from "@/lib/server/runtime";
import type { LiveState } from "@/lib/whatsapp/managed-session";
import type { SessionManager } from "@/lib/whatsapp/session-manager";

// The adapter waits 5 s for every other node's answer, then answers with those it has.
const EVENT = "wagate:on-holder";

/** The session an operation acts on, on the node that runs it. */
interface HeldSession {
  id: string;
  sessionId: string;
  sessions: SessionManager;
}

const socketOf = (s: HeldSession) => getConnectedSocket(s);

/** Where the JSON of a live state has its `since` as a string again. */
type WireLiveState = Omit<LiveState, "since"> & { since: string | Date };

/** What the holder of a session may be asked to do with it, and how. */
const HOLDER_OPS = {
  onWhatsApp: async (s: HeldSession, digits: string[]) => (await socketOf(s).onWhatsApp(...digits)) ?? [],
  // WhatsApp answers "item-not-found" (no picture) or "not-authorized" (privacy) as errors: null.
  profilePictureUrl: async (s: HeldSession, jid: string) =>
    (await socketOf(s)
      .profilePictureUrl(jid, "image")
      .catch(() => undefined)) ?? null,

  // Groups (lib/groups/*): the caller wraps each in callWhatsApp, here or on the asking node.
  groupCreate: (s: HeldSession, subject: string, participants: string[]) => socketOf(s).groupCreate(subject, participants),
  groupMetadata: (s: HeldSession, jid: string) => socketOf(s).groupMetadata(jid),
  groupLeave: (s: HeldSession, jid: string) => socketOf(s).groupLeave(jid),
  groupInviteCode: async (s: HeldSession, jid: string) => (await socketOf(s).groupInviteCode(jid)) ?? null,
  groupRevokeInvite: async (s: HeldSession, jid: string) => (await socketOf(s).groupRevokeInvite(jid)) ?? null,
  groupAcceptInvite: async (s: HeldSession, code: string) => (await socketOf(s).groupAcceptInvite(code)) ?? null,
  groupUpdateSubject: (s: HeldSession, jid: string, subject: string) => socketOf(s).groupUpdateSubject(jid, subject),
  // null, not undefined, on the wire: no description (removed).
  groupUpdateDescription: (s: HeldSession, jid: string, description: string | null) => socketOf(s).groupUpdateDescription(jid, description || undefined),
  groupSettingUpdate: (s: HeldSession, jid: string, setting: "announcement" | "not_announcement" | "locked" | "unlocked") =>
    socketOf(s).groupSettingUpdate(jid, setting),
  groupJoinApprovalMode: (s: HeldSession, jid: string, mode: "on" | "off") => socketOf(s).groupJoinApprovalMode(jid, mode),
  // Per participant: its code and jid (the raw reply node stays on the holder).
  groupParticipantsUpdate: async (s: HeldSession, jid: string, participants: string[], action: "add" | "remove" | "promote" | "demote") =>
    (await socketOf(s).groupParticipantsUpdate(jid, participants, action)).map((r) => ({ status: r.status, jid: r.jid ?? null })),
  groupRequestParticipantsList: async (s: HeldSession, jid: string) =>
    (await socketOf(s).groupRequestParticipantsList(jid)) as Array<Partial<GroupParticipant> & Record<string, string | undefined>>,
  groupRequestParticipantsUpdate: async (s: HeldSession, jid: string, participants: string[], action: "approve" | "reject") =>
    (await socketOf(s).groupRequestParticipantsUpdate(jid, participants, action)).map((r) => ({ status: r.status, jid: r.jid ?? null })),
  groupPicture: (s: HeldSession, jid: string, imageBase64: string) => socketOf(s).updateProfilePicture(jid, Buffer.from(imageBase64, "base64")),

  // Chats (lib/messages/mark-chat-read.ts, send-presence.ts).
  readMessages: (s: HeldSession, keys: WAMessageKey[]) => socketOf(s).readMessages(keys),
  sendPresenceUpdate: (s: HeldSession, presence: WAPresence, jid: string | null) => socketOf(s).sendPresenceUpdate(presence, jid ?? undefined),

  // What only the node running the session knows (lib/sessions/*): its live state with the QR
  // code (null: the holder does not run it), and a pairing code from its socket.
  live: async (s: HeldSession): Promise<WireLiveState | null> => s.sessions.get(s.id)?.live() ?? null,
  requestPairingCode: (s: HeldSession, phone: string) => s.sessions.requestPairingCodeById(s.id, phone),
};

export type HolderOp = keyof typeof HOLDER_OPS;
type OpArgs<O extends HolderOp> = (typeof HOLDER_OPS)[O] extends (s: HeldSession, ...args: infer A) => unknown ? A : never;
type OpResult<O extends HolderOp> = Awaited<ReturnType<(typeof HOLDER_OPS)[O]>>;

interface HolderRequest {
  sessionDbId: string;
  sessionId: string;
  op: HolderOp;
  args: unknown[];
}

/** A refusal, as it crosses nodes: an AppError's code, or WhatsApp's error code. */
interface Refusal {
  ok: false;
  error: string;
  code?: ErrorCode;
  whatsappCode?: number;
  statusCode?: number;
}
type HolderAnswer = { ok: true; result: unknown } | Refusal | null;

function refusalOf(error: unknown): Refusal {
  if (error instanceof AppError) return { ok: false, error: error.message, code: error.code };
  const e = (error ?? {}) as { message?: unknown; data?: unknown; output?: { statusCode?: unknown } };
  return {
    ok: false,
    error: typeof e.message === "string" ? e.message : String(error),
    ...(typeof e.data === "number" ? { whatsappCode: e.data } : {}),
    ...(typeof e.output?.statusCode === "number" ? { statusCode: e.output.statusCode } : {}),
  };
}

/** The refusal thrown again on the asking node, as the holder threw it (Boom's fields for callWhatsApp). */
function errorOf(refusal: Refusal): Error {
  if (refusal.code) return new AppError(refusal.code, refusal.error);
  return Object.assign(new Error(refusal.error), {
    ...(refusal.whatsappCode !== undefined ? { data: refusal.whatsappCode } : {}),
    ...(refusal.statusCode !== undefined ? { output: { statusCode: refusal.statusCode } } : {}),
  });
}

/** On every node: answers the requests for sessions whose lease this node holds. */
export function answerHolderRequests(io: Server, sessions: SessionManager): void {
  io.on(EVENT, async (request: HolderRequest, ack: (answer: HolderAnswer) => void) => {
    const { cluster } = getRuntime();
    const known = request && Object.hasOwn(HOLDER_OPS, request.op) && Array.isArray(request.args) && typeof request.sessionDbId === "string";
    if (!known || !cluster?.holds(request.sessionDbId)) return ack(null);
    const op = HOLDER_OPS[request.op] as (s: HeldSession, ...args: unknown[]) => Promise<unknown>;
    try {
      const result = await op({ id: request.sessionDbId, sessionId: String(request.sessionId), sessions }, ...request.args);
      ack({ ok: true, result: result ?? null });
    } catch (error) {
      ack(refusalOf(error));
    }
  });
}

/** Whether this node runs the session's operations itself: a single node, or this node holds its lease. */
export function runsHere(session: { id: string }): boolean {
  const { cluster, io } = getRuntime();
  return !cluster || !io || cluster.holds(session.id);
}

/**
 * Runs `op` for the session on the node that holds it: here when this node does (or there is one
 * node), else on the holder. `undefined` when no node answered (nobody holds it, or the holder is
 * gone); an operation's refusal is thrown as the holder threw it.
 */
export async function askHolder<O extends HolderOp>(session: { id: string; sessionId: string }, op: O, ...args: OpArgs<O>): Promise<OpResult<O> | undefined> {
  const { io, sessions } = getRuntime();
  const run = HOLDER_OPS[op] as (s: HeldSession, ...args: unknown[]) => Promise<OpResult<O>>;
  // null, not undefined, for an operation that answers nothing: undefined means nobody answered.
  if (runsHere(session)) return ((await run({ id: session.id, sessionId: session.sessionId, sessions }, ...args)) ?? null) as OpResult<O>;
  const answers = await new Promise<HolderAnswer[]>((resolve) =>
    io!.serverSideEmit(
      EVENT,
      { sessionDbId: session.id, sessionId: session.sessionId, op, args } satisfies HolderRequest,
      (_error: unknown, responses: HolderAnswer[]) => resolve(responses ?? []),
    ),
  );
  const answer = answers.find((a) => a !== null);
  if (!answer) return undefined;
  if (!answer.ok) throw errorOf(answer);
  return answer.result as OpResult<O>;
}

/** As askHolder, for operations on the live connection: 503 when no node has it. */
export async function onHolder<O extends HolderOp>(session: { id: string; sessionId: string }, op: O, ...args: OpArgs<O>): Promise<OpResult<O>> {
  const result = await askHolder(session, op, ...args);
  if (result === undefined) throw new AppError("UNAVAILABLE", `Session ${session.sessionId} is not connected`);
  return result;
}
