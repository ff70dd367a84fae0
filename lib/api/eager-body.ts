// A request body the server read in one piece before the route handler ran (issue 10;
// lib/server/serve-route-directly.ts), given to the Request's own readers instead of its stream.
//
// Why: a Request built with a body wraps it in a Web ReadableStream, and reading it back goes
// through that stream's reader: about 0.05 ms of CPU for every message sent or injected through a
// route served directly (a profiled scripts/bench/request-overhead.ts). The bytes are in memory.
// How: the Request is built without a body, and its text/json/arrayBuffer return the bytes. Only
// its stream (`req.body`) stays empty; lib/api/read-capped-body.ts, the one way a route reads a
// body, reads a request without a stream through arrayBuffer(), under the same limit.

/** Gives `body` to `req`'s own readers; `req` itself must have been built without a body. */
export function attachEagerBody(req: Request, body: Buffer<ArrayBuffer>): void {
  Object.defineProperties(req, {
    text: { value: async () => new TextDecoder().decode(body) },
    json: { value: async () => JSON.parse(new TextDecoder().decode(body)) as unknown },
    arrayBuffer: { value: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) },
  });
}
