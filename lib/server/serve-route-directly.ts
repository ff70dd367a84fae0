// The hot path's route handlers, served without Next.js's router (issue 10).
//
// Why: around a route handler, Next.js routes the request, builds its request metadata and a Web
// Request with an AbortSignal, streams the answer through Web streams and traces all of it. For
// `POST /api/chat/send` that was two thirds of the request's CPU (~2.4 of ~3.6 ms on the development
// machine, scripts/bench/request-overhead.ts), and every message sent through the API pays it.
//
// What: for the routes server.ts lists (every door's send, the sandbox contact's message), it calls
// the route's own exported handler — the same file, the same withAuth wrapper, zod schemas, body
// limit and error answers — with a NextRequest built from the Node request (a small body, read here
// in one piece, goes beside it: lib/api/eager-body.ts), and writes the Response it returns. Every
// other request goes through Next.js. A route served this way gets none of Next.js's request-scoped
// APIs (`next/headers`, `after()`, …): withAuth does not use them, and a route that does must not
// be listed. Nor may a route that reads the request's stream itself (`req.body`): a small body is
// not in it (lib/api/read-capped-body.ts and the Request's text/json/arrayBuffer find it). Nor may a
// route whose answer streams: the answer is read whole, then written with a Content-Length instead
// of chunked encoding, and without `Vary: rsc, …` (a header for Next.js's own pages). Development
// (`npm run dev`) never uses this, so that route changes reload as usual; `DIRECT_ROUTES=false`
// turns it off in production.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { attachEagerBody } from "@/lib/api/eager-body";

// Loaded on first use: next/server needs the AsyncLocalStorage global that loading Next.js itself
// installs, and server.ts imports this module before it loads Next.js.
let nextServer: Promise<typeof import("next/server")> | null = null;
// Each listed route's handler, imported once.
const handlers = new WeakMap<() => Promise<RouteHandler>, Promise<RouteHandler>>();

/** A route handler as an app/api route file exports it. */
export type RouteHandler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * "METHOD /path" → the import of the route's handler (done once, on first use). Paths match exactly,
 * without a query; a `[name]` segment matches one non-empty segment and is the handler's
 * `params.name`, URL-decoded as Next.js decodes it.
 */
export type DirectRoutes = Record<string, () => Promise<RouteHandler>>;

/** A request's route: its handler's import and its path parameters. */
export interface DirectRoute {
  load: () => Promise<RouteHandler>;
  params: Record<string, string>;
}

interface CompiledRoutes {
  exact: Map<string, () => Promise<RouteHandler>>;
  patterns: Array<{ method: string; segments: string[]; load: () => Promise<RouteHandler> }>;
}
const compiled = new WeakMap<DirectRoutes, CompiledRoutes>();

function compile(routes: DirectRoutes): CompiledRoutes {
  const table: CompiledRoutes = { exact: new Map(), patterns: [] };
  for (const [key, load] of Object.entries(routes)) {
    const [method, path] = key.split(" ");
    if (path.includes("[")) table.patterns.push({ method, segments: path.split("/"), load });
    else table.exact.set(key, load);
  }
  return table;
}

/** The route for this request when it is one of `routes`, else null (Next.js serves it). */
export function directRouteFor(routes: DirectRoutes, req: IncomingMessage): DirectRoute | null {
  let table = compiled.get(routes);
  if (!table) compiled.set(routes, (table = compile(routes)));
  const url = req.url ?? "";
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  const exact = table.exact.get(`${req.method} ${path}`);
  if (exact) return { load: exact, params: {} };
  if (table.patterns.length === 0) return null;
  const segments = path.split("/");
  for (const pattern of table.patterns) {
    if (pattern.method !== req.method || pattern.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matched = pattern.segments.every((want, i) => {
      const got = segments[i];
      if (!want.startsWith("[")) return want === got;
      if (!got) return false;
      try {
        params[want.slice(1, -1)] = decodeURIComponent(got);
        return true;
      } catch {
        return false; // malformed %-escape: Next.js answers it
      }
    });
    if (matched) return { load: pattern.load, params };
  }
  return null;
}

/**
 * Bodies up to this size (declared by Content-Length) are read before the handler runs, in one
 * piece, which is cheaper than a stream. Anything larger, or chunked, reaches the handler as a
 * stream that it reads under its own limit (lib/api/read-json-body.ts): read eagerly, a client that
 * has not even authenticated could make the gateway buffer whatever it sends.
 */
const EAGER_BODY_MAX_BYTES = 64 * 1024;

/** The request's body as it came, or null when the client went away before its end. */
function readWhole(req: IncomingMessage): Promise<Buffer[] | null> {
  // Listeners rather than `for await`: an async iterator per request cost ~20 µs of CPU.
  // Gone while the handler was being loaded: its "close" has been and will not come again.
  if (req.destroyed) return Promise.resolve(null);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(chunks));
    req.on("error", () => resolve(null));
    // After "end" this changes nothing (a promise settles once).
    req.on("close", () => resolve(null));
  });
}

export async function serveRouteDirectly(route: DirectRoute, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { load } = route;
  if (!handlers.has(load)) handlers.set(load, load());
  const [handler, { NextRequest }] = await Promise.all([handlers.get(load)!, (nextServer ??= import("next/server"))]);
  const declared = Number(req.headers["content-length"] ?? NaN);
  let eager: Buffer<ArrayBuffer> | undefined;
  let body: ReadableStream<Uint8Array> | undefined;
  if (declared <= EAGER_BODY_MAX_BYTES) {
    // Node's parser holds the body to its Content-Length: at most EAGER_BODY_MAX_BYTES.
    const chunks = await readWhole(req);
    if (!chunks) {
      // The client went away mid-body: no one to answer, and not the gateway's error to log.
      res.destroy();
      return;
    }
    if (chunks.length) eager = Buffer.concat(chunks);
  } else if (req.method !== "GET" && req.method !== "HEAD") {
    body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
  }
  // From req.headers, not rawHeaders: server.ts has set its own client-address header there.
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  // A fixed origin: the client's Host header is not trusted to parse, and the routes listed read
  // only the path and the query of nextUrl.
  // A body read already goes beside the request (lib/api/eager-body.ts), not inside it as a stream.
  const request = new NextRequest(new URL(req.url ?? "/", "http://localhost"), {
    method: req.method,
    headers,
    body,
    ...(body ? { duplex: "half" } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
  if (eager) attachEagerBody(request, eager);
  const response = await handler(request, { params: Promise.resolve(route.params) });
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  // A streamed body the handler did not read to its end (a refused request): the rest is still on
  // its way, so this connection cannot carry another request; closing it drops the rest.
  if (body && !req.readableEnded) res.setHeader("connection", "close");
  const answer = response.body ? Buffer.from(await response.arrayBuffer()) : null;
  if (answer) res.setHeader("content-length", answer.length);
  res.end(answer ?? undefined);
}
