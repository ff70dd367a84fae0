import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

type Module = typeof import("@/lib/server/harden-http");
let harden: Module;
let base: string;
let server: ReturnType<typeof createServer>;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", "x".repeat(32));
  vi.stubEnv("APP_SECRET", "y".repeat(32));
  vi.stubEnv("TRUST_PROXY", "true");
  harden = await import("@/lib/server/harden-http");
  // A stand-in for Next: sets a cookie, or answers 405 with an empty streamed body as Next does.
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    harden.applySecurityHeaders(req, res);
    if (harden.rejectMalformedUrl(req, res)) return;
    harden.giveEmptyErrorsABody(req, res);
    if (req.url?.startsWith("/api/cookie")) {
      res.appendHeader("set-cookie", "a=1; Path=/; HttpOnly");
      res.setHeader("Content-Type", "application/json");
      return void res.end("{}");
    }
    res.statusCode = 405;
    res.flushHeaders();
    res.write("");
    res.end();
  });
  server.on("clientError", harden.answerClientError);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("harden-http", () => {
  it("adds Secure and HSTS only when a trusted proxy says the client used https", async () => {
    const plain = await fetch(`${base}/api/cookie`);
    expect(plain.headers.getSetCookie()).toEqual(["a=1; Path=/; HttpOnly"]);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const https = await fetch(`${base}/api/cookie`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(https.headers.getSetCookie()).toEqual(["a=1; Path=/; HttpOnly; Secure"]);
    expect(https.headers.get("strict-transport-security")).toMatch(/^max-age=/);
    expect(https.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("gives Next's empty 405 a JSON body", async () => {
    const res = await fetch(`${base}/api/anything`, { method: "PUT" });
    expect(res.status).toBe(405);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ error: "Method PUT is not allowed here" });
  });

  it("answers an undecodable or NUL path with 400 JSON before the app", async () => {
    for (const path of ["/api/sessions/%ff", "/api/x%00y", "/%E0%A4%A"]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(400);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
  });
});
