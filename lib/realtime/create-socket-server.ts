import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { AppError } from "@/lib/errors/app-error";
import { resolveCaller, type Caller } from "@/lib/auth/caller";
import { callerCan } from "@/lib/auth/caller-can";
import { logger } from "@/lib/logger";
import { sessionManageRoom, sessionRoom } from "@/lib/realtime/session-room";
import { getSessionOrThrow } from "@/lib/sessions/get-session-or-throw";


type Ack = (answer: { ok: true; sessionId: string } | { ok: false; error: string }) => void;

function readSessionId(payload: unknown): string | null {
  const value = typeof payload === "string" ? payload : (payload as { sessionId?: unknown } | null)?.sessionId;
  return typeof value === "string" && value.length > 0 && value.length <= 64 ? value : null;
}

/**
 * Socket.io on the gateway's own http server. Only authenticated clients connect (the dashboard's
 * cookie, or an API key in the handshake `auth.apiKey` / X-API-Key header), and a client joins a
 * session's room only after the same visibility check the REST API makes.
 */
export function createSocketServer(httpServer: HttpServer): Server {
  // destroyUpgrade off: other upgrade requests (Next's dev HMR) belong to Next, not to us.
  const io = new Server(httpServer, { path: "/socket.io", serveClient: false, destroyUpgrade: false });

  io.use(async (socket, next) => {
    try {
      const headers = socket.handshake.headers;
      const auth = socket.handshake.auth as { apiKey?: unknown; token?: unknown } | undefined;
      const apiKey = typeof auth?.apiKey === "string" ? auth.apiKey : typeof auth?.token === "string" ? auth.token : null;
      const caller = await resolveCaller({
        headers: { get: (name) => (typeof headers[name] === "string" ? (headers[name] as string) : null) },
        apiKey,
      });
      if (!caller) return next(new Error("Not authenticated"));
      socket.data.caller = caller;
      next();
    } catch (error) {
      next(new Error(error instanceof AppError ? error.message : "Not authenticated"));
    }
  });

  io.on("connection", (socket) => {
    const caller = socket.data.caller as Caller;
    const join = async (payload: unknown, ack?: Ack) => {
      const sessionId = readSessionId(payload);
      const reply = typeof ack === "function" ? ack : () => {};
      if (!sessionId) return reply({ ok: false, error: "sessionId: is required" });
      try {
        if (!callerCan(caller, "sessions.read")) throw new AppError("FORBIDDEN", "You are not allowed to do this");
        const session = await getSessionOrThrow(caller, sessionId);
        await socket.join(sessionRoom(session.sessionId));
        if (callerCan(caller, "sessions.manage")) await socket.join(sessionManageRoom(session.sessionId));
        reply({ ok: true, sessionId: session.sessionId });
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error }, "join-session failed");
        reply({ ok: false, error: error instanceof AppError ? error.message : "Internal server error" });
      }
    };
    const leave = async (payload: unknown, ack?: Ack) => {
      const sessionId = readSessionId(payload);
      if (sessionId) {
        await socket.leave(sessionRoom(sessionId));
        await socket.leave(sessionManageRoom(sessionId));
      }
      if (typeof ack === "function") ack(sessionId ? { ok: true, sessionId } : { ok: false, error: "sessionId: is required" });
    };
    // Ultimate WhatsApp Gateway names it join-session; Chatery subscribe/unsubscribe.
    socket.on("join-session", join);
    socket.on("subscribe", join);
    socket.on("leave-session", leave);
    socket.on("unsubscribe", leave);
  });

  return io;
}
