import "server-only";
// The Campaign API's sessions over our own: creating one answers a per-session token (a named API
// key restricted to that session), listing answers its array shape.
import type { Caller } from "@/lib/auth/caller";
import { callerCan } from "@/lib/auth/caller-can";
import { createNamedApiKey } from "@/lib/api-keys/create-named-api-key";
import { connectSession } from "@/lib/sessions/connect-session";
import { createSession } from "@/lib/sessions/create-session";
import { deleteSession } from "@/lib/sessions/delete-session";
import { listSessions } from "@/lib/sessions/list-sessions";

/** POST /api/v1/sessions: the session (owned by the caller), started so its QR appears, and its token. */
export async function v1CreateSession(caller: Caller, sessionId: string) {
  const session = await createSession(caller, { name: sessionId, sessionId });
  // The Campaign API starts a session as it creates it; the QR then shows in GET /api/v1/sessions.
  await connectSession(caller, session.id, {});
  const { apiKey } = await createNamedApiKey(caller, { name: `Campaign API token: ${sessionId}`, sessions: [session.id] });
  return { status: "success", message: `Session ${sessionId} created.`, token: apiKey };
}

/**
 * GET /api/v1/sessions in the Campaign API's shape. Deliberate differences: it needs authentication
 * (the original lists every session publicly), and `token` is null — we keep only a fingerprint of
 * each key, so a token is shown once, when it is made.
 */
export async function v1ListSessions(caller: Caller) {
  const sessions = await listSessions(caller);
  const mayManage = callerCan(caller, "sessions.manage");
  return sessions.map((s) => ({
    sessionId: s.sessionId,
    status: s.status,
    detail: s.statusReason ?? (s.status === "CONNECTED" ? "Connected" : s.status === "QR" ? "Scan the QR code" : "Not connected"),
    qr: mayManage ? (s.qr ?? null) : null,
    token: null,
  }));
}

export async function v1DeleteSession(caller: Caller, sessionId: string) {
  await deleteSession(caller, sessionId);
  return { status: "success", message: `Session ${sessionId} deleted.` };
}
