// What every answer of the gateway's one http server gets before Next.js or Socket.io sees the
// request (server.ts calls these): security headers, `Secure` cookies over https, a 400 for a URL
// that cannot be decoded, and `{ "error": "..." }` bodies for the answers Next and Node send empty
// (405 for a method a route does not export; 400/431 for a request Node's parser refuses).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { env } from "@/lib/env";

/**
 * For everything that is not a page (API answers, static files, Socket.io): nothing may load from
 * it or frame it. Pages get their own policy, with a per-request script nonce, from proxy.ts.
 */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Whether the client reached us over https: TLS here, or a proxy we trust saying so. */
export function isHttpsRequest(req: IncomingMessage): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  if (!env.TRUST_PROXY) return false;
  return req.headers["x-forwarded-proto"]?.toString().split(",")[0]?.trim().toLowerCase() === "https";
}

const isPagePath = (path: string) => !/^\/(api|socket\.io|_next)(\/|$)/.test(path);

function secureCookie(value: unknown): unknown {
  const add = (cookie: unknown) => (typeof cookie === "string" && !/;\s*secure\s*(;|$)/i.test(cookie) ? `${cookie}; Secure` : cookie);
  return Array.isArray(value) ? value.map(add) : add(value);
}

/** Headers every answer carries; `Secure` added to every cookie set over https. */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? "/").split("?")[0];
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  // Session ids and chat JIDs appear in dashboard URLs: no other site learns them from a Referer.
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (!isPagePath(path)) res.setHeader("Content-Security-Policy", NON_PAGE_CSP);
  if (isHttpsRequest(req)) {
    res.setHeader("Strict-Transport-Security", "max-age=31536000");
    const setHeader = res.setHeader.bind(res);
    const appendHeader = res.appendHeader.bind(res);
    res.setHeader = (name, value) => setHeader(name, name.toLowerCase() === "set-cookie" ? (secureCookie(value) as typeof value) : value);
    res.appendHeader = (name, value) => appendHeader(name, name.toLowerCase() === "set-cookie" ? (secureCookie(value) as typeof value) : value);
  }
}

function sendJsonError(res: ServerResponse, status: number, error: string) {
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json");
  res.setHeader("Content-Security-Policy", NON_PAGE_CSP);
  res.end(JSON.stringify({ error }));
}

/**
 * A path Next cannot decode (`%ff`) fails inside Next before any handler with a plain-text 500, and
 * a NUL byte (`%00`) would travel on to PostgreSQL: both are a 400 here. True when answered.
 */
export function rejectMalformedUrl(req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? "/").split("?")[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    sendJsonError(res, 400, "The URL path is not valid percent-encoded UTF-8");
    return true;
  }
  if (decoded.includes("\u0000")) {
    sendJsonError(res, 400, "The URL path must not contain NUL characters");
    return true;
  }
  return false;
}

/**
 * A 405 from Next (a method the route does not export) has an empty body: give it `{ "error" }`.
 * Next streams even an empty body, and its compression layer writes the head before `end`, so the
 * JSON type is set when the 405 head goes out and the body is written at `end` if none came.
 */
export function giveEmptyErrorsABody(req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? "/").split("?")[0];
  if (isPagePath(path) || req.method === "HEAD") return;
  const isEmpty = (chunk: unknown) => chunk == null || typeof chunk === "function" || (chunk as { length?: number }).length === 0;
  let pending = false;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const status = typeof args[0] === "number" ? args[0] : res.statusCode;
    if (status === 405 && !res.getHeader("content-type")) {
      res.setHeader("Content-Type", "application/json");
      pending = true;
    }
    return writeHead(...args);
  }) as typeof res.writeHead;
  res.write = ((...args: unknown[]) => {
    if (!isEmpty(args[0])) pending = false;
    return write(...args);
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (!res.headersSent && res.statusCode === 405 && !res.getHeader("content-type")) {
      res.setHeader("Content-Type", "application/json");
      pending = true;
    }
    if (pending && isEmpty(args[0])) {
      const allow = res.getHeader("allow");
      return end(JSON.stringify({ error: `Method ${req.method} is not allowed here${allow ? ` (allowed: ${allow})` : ""}` }));
    }
    return end(...args);
  }) as typeof res.end;
}

const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, "Request headers are too large"],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, "Request chunk extensions are too large"],
};

/** Node's answer to a request its parser refuses is a bare status line: this one carries `{ error }`. */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, message] = CLIENT_ERRORS[error.code ?? ""] ?? [400, "Malformed HTTP request"];
  const body = JSON.stringify({ error: message });
  const reason = status === 431 ? "Request Header Fields Too Large" : status === 413 ? "Payload Too Large" : "Bad Request";
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\nX-Content-Type-Options: nosniff\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
