// The hot path's route handlers, served without Next.js's router (issue 10).
//
// Why: around a route handler, Next.js routes the request, builds its request metadata and a Web
// Request with an AbortSignal, streams the answer through Web streams and traces all of it. For
// `POST /api/chat/send` that was two thirds of the request's CPU (~2.4 of ~3.6 ms on the development
// machine, scripts/bench/request-overhead.ts), and every message sent through the API pays it.
//
// What: for the few routes server.ts lists, it calls the route's own exported handler — the same
// file, the same withAuth wrapper, zod schemas and error answers — with a NextRequest built from the
// Node request, and writes the Response it returns. Every other request goes through Next.js.
// A route served this way gets none of Next.js's request-scoped APIs (`next/headers`, `after()`,
// …): withAuth does not use them, and a route that does must not be listed. Its answer carries a
// Content-Length instead of chunked encoding and no `Vary: rsc, …` (a header for Next.js's own
// pages). Development (`npm run dev`) never uses this, so that route changes reload as usual;
// `DIRECT_ROUTES=false` turns it off in production.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextRequest } from "next/server";

// Loaded on first use: next/server needs the AsyncLocalStorage global that loading Next.js itself
// installs, and server.ts imports this module before it loads Next.js.
let nextServer: Promise<typeof import("next/server")> | null = null;
// Each listed route's handler, imported once.
const handlers = new WeakMap<() => Promise<RouteHandler>, Promise<RouteHandler>>();

/** A route handler as an app/api route file exports it. */
export type RouteHandler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** "METHOD /path" → the import of the route's handler (done once, on first use). Paths match exactly, without a query. */
export type DirectRoutes = Record<string, () => Promise<RouteHandler>>;

/** The handler for this request when it is one of `routes`, else null (Next.js serves it). */
export function directRouteFor(routes: DirectRoutes, req: IncomingMessage): (() => Promise<RouteHandler>) | null {
  const url = req.url ?? "";
  const query = url.indexOf("?");
  return routes[`${req.method} ${query === -1 ? url : url.slice(0, query)}`] ?? null;
}

export async function serveRouteDirectly(load: () => Promise<RouteHandler>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!handlers.has(load)) handlers.set(load, load());
  const [handler, { NextRequest }] = await Promise.all([handlers.get(load)!, (nextServer ??= import("next/server"))]);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of req) chunks.push(chunk as Buffer);
  } catch {
    // The client went away mid-body: no one to answer, and not the gateway's error to log.
    res.destroy();
    return;
  }
  // From req.headers, not rawHeaders: server.ts has set its own client-address header there.
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  // A fixed origin: the client's Host header is not trusted to parse, and the routes listed read
  // only the path and the query of nextUrl.
  const request = new NextRequest(new URL(req.url ?? "/", "http://localhost"), {
    method: req.method,
    headers,
    body: chunks.length ? Buffer.concat(chunks) : undefined,
  });
  const response = await handler(request, { params: Promise.resolve({}) });
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : null;
  if (body) res.setHeader("content-length", body.length);
  res.end(body ?? undefined);
}
