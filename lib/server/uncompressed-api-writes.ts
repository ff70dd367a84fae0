// Next.js gzips every response it streams whose client accepts gzip — a route handler's answer is
// streamed, so even a 60-byte `{ "messageId": … }` gets a zlib stream of its own (~256 KB of zlib
// state, a deflate and a flush). The answer to an API write (POST, PUT, PATCH, DELETE) is a small
// acknowledgement: compressing it costs more CPU than it saves bytes, on the hottest path there is
// (issue 10: ~4 % of the gateway's CPU per sent message). Reads — lists, exports, pages, static
// files — stay compressed.
import type { IncomingMessage } from "node:http";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Called for every request before Next sees it: an API write's answer goes out uncompressed. */
export function leaveApiWritesUncompressed(req: IncomingMessage): void {
  if (!WRITES.has(req.method ?? "") || !req.url?.startsWith("/api/")) return;
  delete req.headers["accept-encoding"];
}
