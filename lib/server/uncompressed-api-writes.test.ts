import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { leaveApiWritesUncompressed } from "@/lib/server/uncompressed-api-writes";

const request = (method: string, url: string) => ({ method, url, headers: { "accept-encoding": "gzip, deflate, br" } }) as unknown as IncomingMessage;

describe("leaveApiWritesUncompressed", () => {
  it("drops Accept-Encoding from an API write, whatever its method", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const req = request(method, "/api/chat/send?wait=false");
      leaveApiWritesUncompressed(req);
      expect(req.headers["accept-encoding"], method).toBeUndefined();
    }
  });

  it("keeps it for reads, pages, static files and paths that only look like the API", () => {
    for (const [method, url] of [
      ["GET", "/api/messages"],
      ["HEAD", "/api/health"],
      ["GET", "/dashboard"],
      ["POST", "/login"],
      ["GET", "/_next/static/chunks/app.js"],
      ["POST", "/apiary"],
    ]) {
      const req = request(method, url);
      leaveApiWritesUncompressed(req);
      expect(req.headers["accept-encoding"], `${method} ${url}`).toBe("gzip, deflate, br");
    }
  });
});
