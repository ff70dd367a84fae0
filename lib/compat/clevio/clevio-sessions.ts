import "server-only";
// Clevio's session paths over our own session and webhook operations, in its shapes: snake_case
// rows with the session's webhook URL, `qrCode`, `info { name, number }`, and the message log.
import type { Caller } from "@/lib/auth/caller";
import { callerCan } from "@/lib/auth/caller-can";
import { sessionScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors/app-error";
import { db, getRuntime } from "@/lib/server/runtime";
import { connectSession } from "@/lib/sessions/connect-session";
import { createSession } from "@/lib/sessions/create-session";
import { deleteSession } from "@/lib/sessions/delete-session";
import { getLiveState } from "@/lib/sessions/get-live-state";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";
import { qrDataUrl } from "@/lib/sessions/qr-data-url";
import { setSessionWebhookUrl } from "@/lib/webhooks/set-session-webhook-url";

const CLEVIO_STATUS: Record<string, string> = { CONNECTED: "connected", QR: "initializing", CONNECTING: "initializing", ZOMBIE: "initializing" };
const clevioStatus = (status: string) => CLEVIO_STATUS[status] ?? "disconnected";

async function row(caller: Caller, sessionId: string) {
  const session = await getSessionOrThrow(caller, sessionId);
  const hook = await db().webhook.findFirst({ where: { sessionId: session.id, ownerId: session.ownerId, origin: "SESSION_URL" }, select: { url: true } });
  return { id: session.id, session_id: session.sessionId, webhook_url: hook?.url ?? null, created_at: session.createdAt, updated_at: session.updatedAt };
}

export async function clevioListSessions(caller: Caller) {
  const sessions = await db().whatsappSession.findMany({
    where: sessionScope(caller),
    orderBy: { createdAt: "asc" },
    select: { id: true, sessionId: true, createdAt: true, updatedAt: true },
  });
  const hooks = await db().webhook.findMany({
    where: { sessionId: { in: sessions.map((s) => s.id) }, origin: "SESSION_URL" },
    select: { sessionId: true, url: true },
  });
  const urls = new Map(hooks.map((h) => [h.sessionId, h.url]));
  return sessions.map((s) => ({ id: s.id, session_id: s.sessionId, webhook_url: urls.get(s.id) ?? null, created_at: s.createdAt, updated_at: s.updatedAt }));
}

/** The session's webhook in Clevio's format: its message payload, and its answer sent back as the reply. */
async function setClevioWebhook(caller: Caller, sessionId: string, url: string) {
  if (!callerCan(caller, "webhooks.manage")) throw new AppError("FORBIDDEN", "webhookUrl: you are not allowed to manage webhooks");
  await setSessionWebhookUrl(caller, sessionId, { url, format: "clevio" });
}

/** POST /sessions: creates the session, or updates its webhook URL when the caller already has it. */
export async function clevioUpsertSession(caller: Caller, input: { sessionId: string; webhookUrl?: string }) {
  const exists = await getSessionOrThrow(caller, input.sessionId).catch(() => null);
  if (!exists) {
    if (!callerCan(caller, "sessions.create")) throw new AppError("FORBIDDEN", "You are not allowed to create sessions");
    await createSession(caller, { name: input.sessionId, sessionId: input.sessionId });
  }
  if (input.webhookUrl) await setClevioWebhook(caller, input.sessionId, input.webhookUrl);
  return { message: "Session created/updated successfully", session: await row(caller, input.sessionId) };
}

export async function clevioSetWebhook(caller: Caller, sessionId: string, webhookUrl: string) {
  await setClevioWebhook(caller, sessionId, webhookUrl);
  return { message: "Webhook URL updated successfully", session: await row(caller, sessionId) };
}

export async function clevioDeleteSession(caller: Caller, sessionId: string) {
  await deleteSession(caller, sessionId);
  return { message: "Session removed successfully" };
}

export async function clevioInitSession(caller: Caller, sessionId: string) {
  await connectSession(caller, sessionId, {});
  return { message: "Session initialization triggered" };
}

export async function clevioQr(caller: Caller, sessionId: string) {
  const session = await getSessionOrThrow(caller, sessionId);
  const live = await getLiveState(session);
  return { qrCode: await qrDataUrl(live.qr), status: clevioStatus(live.status) };
}

export async function clevioSessionStatus(caller: Caller, sessionId: string) {
  const session = await getSessionOrThrow(caller, sessionId);
  const live = getRuntime().sessions.live(session);
  return { status: clevioStatus(live.status), info: { name: session.profileName, number: session.phoneNumber } };
}

/** GET /sessions/:id/logs: the session's latest messages, newest last, as Clevio's live log shows them. */
export async function clevioLogs(caller: Caller, sessionId: string) {
  const session = await getSessionOrThrow(caller, sessionId);
  const rows = await db().message.findMany({
    where: { sessionId: session.id },
    orderBy: { timestamp: "desc" },
    take: 100,
    select: { fromMe: true, remoteJid: true, content: true, timestamp: true },
  });
  const own = session.phoneNumber ? `${session.phoneNumber.replace(/^\+/, "")}@c.us` : null;
  const cUs = (jid: string) => jid.replace(/@s\.whatsapp\.net$/, "@c.us");
  return rows.reverse().map((m) => ({
    type: m.fromMe ? "outgoing" : "incoming",
    ...(m.fromMe ? {} : { from: cUs(m.remoteJid) }),
    to: m.fromMe ? cUs(m.remoteJid) : own,
    body: m.content ?? "",
    timestamp: Math.floor(m.timestamp.getTime() / 1000),
  }));
}
