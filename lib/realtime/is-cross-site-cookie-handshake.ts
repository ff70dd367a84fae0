// CSRF for Socket.io (owned by `hard`, kept apart from the rest of lib/realtime): browsers send the
// dashboard cookie on a WebSocket handshake from any page, and WebSockets have no CORS, so a
// handshake the cookie authenticates must come from our own origin. API keys are not affected.
import { isSameOriginRequest } from "@/lib/api/is-same-origin-request";
import type { Caller } from "@/lib/auth/caller";

type HandshakeHeaders = Record<string, string | string[] | undefined>;

export function isCrossSiteCookieHandshake(caller: Pick<Caller, "via">, headers: HandshakeHeaders): boolean {
  if (caller.via !== "cookie") return false;
  return !isSameOriginRequest({ get: (name) => (typeof headers[name] === "string" ? (headers[name] as string) : null) });
}
