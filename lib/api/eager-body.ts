// A request body the server read in one piece before the route handler ran (issue 10;
// lib/server/serve-route-directly.ts), handed to the body readers beside the Request instead of
// inside it.
//
// Why: a Request built with a body wraps it in a Web ReadableStream, and reading it back goes
// through that stream's reader: about 0.05 ms of CPU for every message sent or injected through a
// route served directly (a profiled scripts/bench/request-overhead.ts). The bytes are in memory.
// How: a property under a registered symbol, because server.ts (which attaches it) and Next.js's
// bundle of the route (which reads it) each have their own copy of this module: a module-level
// WeakMap would not be shared between them. lib/api/read-capped-body.ts, the one way a route reads
// a body, takes it from here first, with the same limit.
const EAGER_BODY = Symbol.for("wagate.eagerBody");

type WithEagerBody = Request & { [EAGER_BODY]?: Buffer<ArrayBuffer> };

/** Hands `body` to whoever reads `req`'s body; `req` itself must have been built without one. */
export function attachEagerBody(req: Request, body: Buffer<ArrayBuffer>): void {
  (req as WithEagerBody)[EAGER_BODY] = body;
  // A handler that reads the body through the Request's own methods still gets it; only the stream
  // (`req.body`) is missing.
  Object.defineProperties(req, {
    text: { value: async () => new TextDecoder().decode(body) },
    json: { value: async () => JSON.parse(new TextDecoder().decode(body)) as unknown },
    arrayBuffer: { value: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) },
  });
}

/** The body attached to `req`, if the server read it beforehand. */
export function eagerBodyOf(req: Request): Buffer<ArrayBuffer> | undefined {
  return (req as WithEagerBody)[EAGER_BODY];
}
