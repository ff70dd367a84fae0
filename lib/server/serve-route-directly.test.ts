import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCappedBody } from "@/lib/api/read-capped-body";
import { AppError } from "@/lib/errors/app-error";
import { directRouteFor, serveRouteDirectly, type DirectRoutes, type RouteHandler } from "@/lib/server/serve-route-directly";

// What the handler saw of the request, for the test to compare with what was sent.
let seen: { method: string; path: string; query: Record<string, string>; header: string | null; ip: string | null; body: string; streamed: boolean } | null =
  null;
let seenParams: Record<string, string> | null = null;
const echo: RouteHandler = async (req, ctx) => {
  seenParams = await ctx.params;
  seen = {
    method: req.method,
    path: req.nextUrl.pathname,
    query: Object.fromEntries(req.nextUrl.searchParams),
    header: req.headers.get("idempotency-key"),
    ip: req.headers.get("x-wagate-client-ip"),
    // Read as every route reads its body (withAuth, the multipart routes): a small one was read up
    // front and comes beside the request, not as its stream.
    streamed: req.body !== null,
    body: new TextDecoder().decode(await readCappedBody(req, 1024 * 1024, () => new AppError("PAYLOAD_TOO_LARGE", "too large"))),
  };
  const res = Response.json({ ok: true }, { status: 202 });
  res.headers.append("set-cookie", "a=1; Path=/");
  res.headers.append("set-cookie", "b=2; Path=/");
  return res;
};
// Answers at once, without reading the body (as withAuth does for a request it refuses).
const refuse: RouteHandler = async () => Response.json({ error: "Not authenticated" }, { status: 401 });
// Reads the body through the Request's own method, not as routes do.
const parse: RouteHandler = async (req) => Response.json(await req.json());
const routes: DirectRoutes = {
  "POST /api/chat/send": async () => echo,
  "POST /api/json": async () => parse,
  "POST /api/sandbox/contacts/[phone]/messages": async () => echo,
  "POST /api/refuse": async () => refuse,
};

const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;
// Errors serveRouteDirectly threw (server.ts would log them as a failed request).
const failures: unknown[] = [];

describe("directRouteFor", () => {
  it("matches the method and the exact path, with or without a query", () => {
    expect(directRouteFor(routes, request("POST", "/api/chat/send"))).not.toBeNull();
    expect(directRouteFor(routes, request("POST", "/api/chat/send?wait=true"))).not.toBeNull();
  });

  it("matches a [name] segment as the handler's parameter, URL-decoded", () => {
    expect(directRouteFor(routes, request("POST", "/api/sandbox/contacts/15550001111/messages"))?.params).toEqual({ phone: "15550001111" });
    expect(directRouteFor(routes, request("POST", "/api/sandbox/contacts/%2B1%20555/messages?x=1"))?.params).toEqual({ phone: "+1 555" });
    expect(directRouteFor(routes, request("POST", "/api/chat/send"))?.params).toEqual({});
    for (const url of [
      "/api/sandbox/contacts//messages", // an empty segment is no parameter
      "/api/sandbox/contacts/1/2/messages",
      "/api/sandbox/contacts/%E0%A4%A/messages", // a malformed escape: Next.js answers it
      "/api/sandbox/contacts/1/messages/",
      "/api/sandbox/contacts/1/message",
    ]) {
      expect(directRouteFor(routes, request("POST", url)), url).toBeNull();
    }
    expect(directRouteFor(routes, request("GET", "/api/sandbox/contacts/1/messages"))).toBeNull();
  });

  it("leaves everything else to Next.js: other methods, a trailing slash, other or longer paths", () => {
    for (const [method, url] of [
      ["GET", "/api/chat/send"],
      ["HEAD", "/api/chat/send"],
      ["POST", "/api/chat/send/"],
      ["POST", "/api/chat/send/extra"],
      ["POST", "/api/chat/sendx"],
      ["POST", "/api/chat/Send"],
      ["POST", "/api/chat/%73end"],
      ["POST", "//api/chat/send"],
    ]) {
      expect(directRouteFor(routes, request(method, url)), `${method} ${url}`).toBeNull();
    }
  });
});

describe("serveRouteDirectly", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.headers["x-wagate-client-ip"] = "203.0.113.9"; // as server.ts sets its own header
      const route = directRouteFor(routes, req);
      if (!route) return void res.writeHead(404).end();
      serveRouteDirectly(route, req, res).catch((error: unknown) => {
        failures.push(error);
        res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("hands the handler the method, path, query, headers and body, and writes its answer", async () => {
    const body = JSON.stringify({ sessionId: "s", jid: "15550001111", message: { text: "héllo" } });
    const res = await fetch(`${base}/api/chat/send?wait=true&x=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "k-1", "x-wagate-client-ip": "198.51.100.1" },
      body,
    });
    expect(seen).toEqual({
      method: "POST",
      path: "/api/chat/send",
      query: { wait: "true", x: "1" },
      header: "k-1",
      // The server's own value wins over the client's.
      ip: "203.0.113.9",
      body,
      streamed: false,
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("content-length")).toBe(String(JSON.stringify({ ok: true }).length));
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });

  it("a client that goes away mid-body reaches no handler and fails nothing", async () => {
    seen = null;
    const served = new Promise<void>((resolve) => server.once("request", (_req, res) => res.once("close", () => resolve())));
    const req = httpRequest(`${base}/api/chat/send`, { method: "POST", headers: { "content-length": "1000" } });
    req.on("error", () => {});
    req.write('{"partial":');
    await new Promise((resolve) => setTimeout(resolve, 50));
    req.destroy();
    await served;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toBeNull();
    expect(failures).toEqual([]);
  });

  it("hands a path parameter to the handler", async () => {
    const res = await fetch(`${base}/api/sandbox/contacts/%2B15550001111/messages`, { method: "POST", body: "{}" });
    expect(res.status).toBe(202);
    expect(seenParams).toEqual({ phone: "+15550001111" });
    expect(seen?.path).toBe("/api/sandbox/contacts/%2B15550001111/messages");
  });

  it("a large or chunked body reaches the handler whole, as a stream", async () => {
    const large = JSON.stringify({ text: "é".repeat(100_000) }); // over the 64 KiB read up front
    const res = await fetch(`${base}/api/chat/send`, { method: "POST", headers: { "content-type": "application/json" }, body: large });
    expect(res.status).toBe(202);
    expect(seen?.body).toBe(large);
    expect(seen?.streamed).toBe(true);
    const chunked = await fetch(`${base}/api/chat/send`, {
      method: "POST",
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"a":'));
          controller.enqueue(new TextEncoder().encode("1}"));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(202);
    expect(seen?.body).toBe('{"a":1}');
    expect(seen?.streamed).toBe(true);
  });

  it("a handler that refuses a request answers before a large body has been sent, none of it buffered", async () => {
    // 10 MB declared, 64 KiB sent, then the client waits: an up-front read would never answer.
    const answer = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const req = httpRequest(`${base}/api/refuse`, { method: "POST", headers: { "content-length": String(10 * 1024 * 1024) } });
      req.on("response", (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
        req.destroy();
      });
      req.on("error", (error) => (error.message.includes("socket hang up") ? undefined : reject(error)));
      req.write(Buffer.alloc(64 * 1024, 0x20));
    });
    // The rest of the body is still coming: the connection is not reused.
    expect(answer).toEqual({ status: 401, connection: "close" });
    expect(failures).toEqual([]);
  });

  it("a small body read up front is still what the Request's own json() returns", async () => {
    const res = await fetch(`${base}/api/json`, { method: "POST", body: '{"a":"héllo"}' });
    expect([res.status, await res.json()]).toEqual([200, { a: "héllo" }]);
  });

  it("a request without a body reaches the handler with an empty one", async () => {
    const res = await fetch(`${base}/api/chat/send`, { method: "POST" });
    expect(res.status).toBe(202);
    expect(seen?.body).toBe("");
  });
});
