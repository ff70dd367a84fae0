import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { AppError, notFound } from "@/lib/errors/app-error";
import { resolveCaller, type Caller } from "@/lib/auth/caller";
import { callerCan } from "@/lib/auth/caller-can";
import { isCrossSiteCookieHandshake } from "@/lib/realtime/is-cross-site-cookie-handshake";
import { logger } from "@/lib/logger";
import {
  ALL_TENANTS_MANAGE_ROOM,
  roomSessionId,
  sessionManageRoom,
  sessionRoom,
  SOCKET_FORMATS,
  tenantManageRoom,
  type SocketFormat,
} from "@/lib/realtime/session-room";
import type { CallerChangeBus } from "@/lib/realtime/caller-change-bus";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";

type Ack = (answer: { ok: true; sessionId: string } | { ok: false; error: string }) => void;

function readSessionId(payload: unknown): string | null {
  const value = typeof payload === "string" ? payload : (payload as { sessionId?: unknown } | null)?.sessionId;
  return typeof value === "string" && value.length > 0 && value.length <= 64 ? value : null;
}

/**
 * Socket.io on the gateway's own http server. Only authenticated clients connect (the dashboard's
 * cookie, or an API key in the handshake `auth.apiKey` / X-API-Key header), and a client joins a
 * session's room only after the same visibility check the REST API makes. Authority is not frozen
 * at connect: when a user's authority changes (`callerChanges`), their sockets resolve their
 * credentials again, and are disconnected (credentials no longer valid) or leave the rooms they may
 * no longer be in.
 */
export function createSocketServer(httpServer: HttpServer, callerChanges?: CallerChangeBus): Server {
  // destroyUpgrade off: other upgrade requests (Next's dev HMR) belong to Next, not to us.
  const io = new Server(httpServer, { path: "/socket.io", serveClient: false, destroyUpgrade: false });

  io.use(async (socket, next) => {
    try {
      const headers = socket.handshake.headers;
      const auth = socket.handshake.auth as { apiKey?: unknown; token?: unknown; format?: unknown } | undefined;
      // Chatery's payload shapes for clients that ask for them (lib/realtime/chatery-socket-payload.ts).
      const format = auth?.format ?? socket.handshake.query.format;
      socket.data.format = (SOCKET_FORMATS as readonly unknown[]).includes(format) ? (format as SocketFormat) : "default";
      const apiKey = typeof auth?.apiKey === "string" ? auth.apiKey : typeof auth?.token === "string" ? auth.token : null;
      const credentials: SocketCredentials = {
        apiKey,
        headers: Object.fromEntries(
          ["x-api-key", "authorization", "cookie"].flatMap((name) => (typeof headers[name] === "string" ? [[name, headers[name] as string]] : [])),
        ),
      };
      const caller = await resolveSocketCaller(credentials);
      if (!caller) return next(new Error("Not authenticated"));
      if (isCrossSiteCookieHandshake(caller, headers))
        return next(new Error("Cross-site connection refused: the cookie is accepted only from this gateway's pages"));
      socket.data.caller = caller;
      socket.data.credentials = credentials;
      // Internal id → the public sessionId the client joined with (what it is told on revocation).
      socket.data.publicIds = new Map<string, string>();
      socket.data.rechecks = 0;
      next();
    } catch (error) {
      next(new Error(error instanceof AppError ? error.message : "Not authenticated"));
    }
  });

  io.on("connection", (socket) => {
    // Webhook managers follow their tenant's delivery attempts (the dashboard's webhook page) without
    // asking: the room is derived from the caller, never from anything the client sends.
    const connectedAs = socket.data.caller as Caller;
    if (callerCan(connectedAs, "webhooks.manage"))
      void socket.join(connectedAs.role === "SUPERADMIN" ? ALL_TENANTS_MANAGE_ROOM : tenantManageRoom(connectedAs.tenantId));
    // A key that expires while its socket is open ends the socket then, as a revocation would.
    const expiresAt = connectedAs.keyExpiresAt;
    if (expiresAt) {
      const timer = setTimeout(() => void recheck(socket), Math.min(Math.max(0, expiresAt.getTime() - Date.now()) + 50, 2 ** 31 - 1));
      timer.unref();
      socket.on("disconnect", () => clearTimeout(timer));
    }
    const join = async (payload: unknown, ack?: Ack) => {
      // Read at every join: a re-check after a revocation may have replaced (narrowed) it.
      const caller = socket.data.caller as Caller;
      const generation = socket.data.rechecks as number;
      const sessionId = readSessionId(payload);
      const reply = typeof ack === "function" ? ack : () => {};
      if (!sessionId) return reply({ ok: false, error: "sessionId: is required" });
      try {
        if (!callerCan(caller, "sessions.read")) throw new AppError("FORBIDDEN", "You are not allowed to do this");
        const session = await getSessionOrThrow(caller, sessionId);
        (socket.data.publicIds as Map<string, string>).set(session.id, session.sessionId);
        const format = socket.data.format as SocketFormat;
        await socket.join(sessionRoom(session.id, format));
        if (callerCan(caller, "sessions.manage")) await socket.join(sessionManageRoom(session.id, format));
        // A revocation that arrived while this join was being checked must see the new room too.
        if (socket.data.rechecks !== generation) {
          await recheck(socket);
          if (!socket.connected || !socket.rooms.has(sessionRoom(session.id, format))) throw notFound("Session");
        }
        reply({ ok: true, sessionId: session.sessionId });
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error }, "join-session failed");
        reply({ ok: false, error: error instanceof AppError ? error.message : "Internal server error" });
      }
    };
    const leave = async (payload: unknown, ack?: Ack) => {
      const sessionId = readSessionId(payload);
      if (sessionId) {
        // Rooms are named by internal id; a session the caller cannot see is in no room of theirs.
        const session = await getSessionOrThrow(socket.data.caller as Caller, sessionId).catch(() => null);
        for (const id of session ? [session.id, sessionId] : [sessionId]) {
          await socket.leave(sessionRoom(id, socket.data.format as SocketFormat));
          await socket.leave(sessionManageRoom(id, socket.data.format as SocketFormat));
        }
      }
      if (typeof ack === "function") ack(sessionId ? { ok: true, sessionId } : { ok: false, error: "sessionId: is required" });
    };
    // Ultimate WhatsApp Gateway names it join-session; Chatery subscribe/unsubscribe.
    socket.on("join-session", join);
    socket.on("subscribe", join);
    socket.on("leave-session", leave);
    socket.on("unsubscribe", leave);
  });

  callerChanges?.subscribe((userIds) => {
    const affected = new Set(userIds);
    for (const socket of io.of("/").sockets.values()) {
      const caller = socket.data.caller as Caller | undefined;
      if (caller && (affected.has(caller.id) || affected.has(caller.tenantId))) void recheck(socket);
    }
  });

  return io;
}

/** What a socket authenticated with, kept so that its authority can be resolved again later. */
interface SocketCredentials {
  apiKey: string | null;
  headers: Record<string, string>;
}

async function resolveSocketCaller(credentials: SocketCredentials): Promise<Caller | null> {
  return resolveCaller({ headers: { get: (name) => credentials.headers[name.toLowerCase()] ?? null }, apiKey: credentials.apiKey });
}

/** Resolves the socket's caller again; disconnects it, or takes it out of rooms it may no longer be in. */
async function recheck(socket: Socket): Promise<void> {
  socket.data.rechecks = (socket.data.rechecks as number) + 1;
  let caller: Caller | null;
  try {
    caller = await resolveSocketCaller(socket.data.credentials as SocketCredentials);
  } catch (error) {
    if (!(error instanceof AppError)) {
      // A database hiccup is not a revocation; the next change or reconnect checks again.
      logger.error({ err: error }, "socket re-authorisation failed");
      return;
    }
    caller = null;
  }
  if (!caller) {
    socket.emit("auth.revoked", { reason: "Your credentials are no longer valid" });
    socket.disconnect(true);
    return;
  }
  socket.data.caller = caller;
  const mayRead = callerCan(caller, "sessions.read");
  const mayManage = callerCan(caller, "sessions.manage");
  const sessionIds = new Set([...socket.rooms].flatMap((room) => roomSessionId(room) ?? []));
  const format = socket.data.format as SocketFormat;
  // Room names hold internal ids, which getSessionOrThrow resolves within the caller's scope.
  const publicIds = socket.data.publicIds as Map<string, string>;
  for (const sessionId of sessionIds) {
    let visible = mayRead;
    if (visible) {
      try {
        await getSessionOrThrow(caller, sessionId);
      } catch (error) {
        if (!(error instanceof AppError)) {
          logger.error({ err: error, sessionId }, "socket room re-check failed");
          continue;
        }
        visible = false;
      }
    }
    if (!visible) {
      await socket.leave(sessionRoom(sessionId, format));
      await socket.leave(sessionManageRoom(sessionId, format));
      socket.emit("session.access-revoked", { sessionId: publicIds.get(sessionId) ?? sessionId });
    } else if (!mayManage) await socket.leave(sessionManageRoom(sessionId, format));
  }
}
