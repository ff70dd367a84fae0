// Issue 9, part B, against the real gateway: cross-site cookie writes are refused (REST and
// Socket.io), every answer carries the security headers, and malformed requests are a 4xx with
// `{ "error" }` however they are malformed (the fuzz suite does this for every endpoint; these are
// the probe's findings one by one, so a regression names itself).
import { request as httpRequest } from "node:http";
import { connect as tcpConnect } from "node:net";
import sharp from "sharp";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, baseUrl, createSession, expectOk, registerOwner, request } from "../support/api-client";

let owner: Actor;
let sessionId: string;
beforeAll(async () => {
  owner = await registerOwner("harden");
  sessionId = (await createSession({ cookie: owner.cookie }, "Hardening")).sessionId;
});

const sessionsOf = async (actor: Actor) => (await request("GET", "/api/sessions", { as: { apiKey: actor.apiKey } })).body as Array<{ name: string }>;

describe("CSRF: cookie-authenticated writes", () => {
  it("are refused from a foreign Origin, with 403 { error }, and change nothing", async () => {
    const before = await request("GET", "/api/user/api-key", { as: { cookie: owner.cookie } });
    for (const [method, path, json] of [
      ["POST", "/api/sessions", { name: "csrf-made" }],
      ["POST", "/api/user/api-key", undefined],
      ["PATCH", `/api/sessions/${sessionId}`, { name: "csrf-renamed" }],
      ["DELETE", `/api/sessions/${sessionId}`, undefined],
    ] as const) {
      const res = await request(method, path, { as: { cookie: owner.cookie }, json, headers: { Origin: "https://evil.example" } });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error).toMatch(/^Cross-site request refused/);
    }
    expect((await sessionsOf(owner)).map((s) => s.name)).toEqual(["Hardening"]);
    const after = (await request("GET", "/api/user/api-key", { as: { cookie: owner.cookie } })).body;
    expect({ apiKey: after.apiKey, createdAt: after.createdAt }, "the key was not rotated").toEqual({
      apiKey: before.body.apiKey,
      createdAt: before.body.createdAt,
    });
    expect((await request("GET", "/api/users/me", { as: { apiKey: owner.apiKey } })).status, "the key was not rotated").toBe(200);
  });

  it("are refused with a text/plain body (a form can send one without a preflight) even from our Origin", async () => {
    const res = await request("POST", "/api/sessions", {
      as: { cookie: owner.cookie },
      rawBody: JSON.stringify({ name: "csrf-plain" }),
      headers: { "Content-Type": "text/plain", Origin: baseUrl() },
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/Content-Type: application\/json/);
    expect((await sessionsOf(owner)).map((s) => s.name)).not.toContain("csrf-plain");
  });

  it("are refused when Sec-Fetch-Site says cross-site or same-site, and with Origin: null", async () => {
    const cases: Array<Record<string, string>> = [{ "Sec-Fetch-Site": "cross-site" }, { "Sec-Fetch-Site": "same-site" }, { Origin: "null" }];
    for (const headers of cases) {
      const res = await request("POST", "/api/sessions", { as: { cookie: owner.cookie }, json: { name: "csrf-site" }, headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
    }
  });

  it("work from our own pages (same Origin, or Sec-Fetch-Site same-origin) and from non-browser clients", async () => {
    for (const [name, headers] of [
      ["from-origin", { Origin: baseUrl() }],
      ["from-fetch-site", { "Sec-Fetch-Site": "same-origin" }],
      ["from-curl", {}],
    ] as const) {
      expectOk(await request("POST", "/api/sessions", { as: { cookie: owner.cookie }, json: { name }, headers }), name);
    }
    // A bodiless POST (no Content-Type) from our page is fine too.
    const rotated = await request("POST", "/api/user/api-key", { as: { cookie: owner.cookie }, headers: { Origin: baseUrl() } });
    expect(rotated.status).toBe(200);
    owner.apiKey = rotated.body.apiKey;
  });

  it("a multipart upload with the cookie needs our Origin (a foreign form could post one)", async () => {
    const form = () => {
      const f = new FormData();
      f.set("file", new Blob([new Uint8Array(Buffer.from("%PDF-1.4\n%%EOF\n"))], { type: "application/pdf" }), "a.pdf");
      return f;
    };
    const foreign = await request("POST", "/api/media", { as: { cookie: owner.cookie }, form: form(), headers: { Origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    const headerless = await request("POST", "/api/media", { as: { cookie: owner.cookie }, form: form() });
    expect(headerless.status).toBe(403);
    expect(headerless.body.error).toMatch(/multipart\/form-data sent by this gateway's pages/);
    expect((await request("POST", "/api/media", { as: { cookie: owner.cookie }, form: form(), headers: { Origin: baseUrl() } })).status).toBe(201);
  });

  it("API-key requests are not affected: any Origin, any Content-Type", async () => {
    const res = await request("POST", "/api/sessions", {
      as: { apiKey: owner.apiKey },
      rawBody: JSON.stringify({ name: "by-key" }),
      headers: { "Content-Type": "text/plain", Origin: "https://integrator.example" },
    });
    expect(res.status).toBe(200);
  });
});

describe("CSRF: Socket.io", () => {
  const open: Socket[] = [];
  afterAll(() => open.forEach((s) => s.disconnect()));
  const outcome = (extraHeaders: Record<string, string>, auth?: Record<string, string>) =>
    new Promise<string>((resolve) => {
      const socket = io(baseUrl(), { transports: ["websocket"], reconnection: false, forceNew: true, timeout: 10_000, extraHeaders, auth });
      open.push(socket);
      socket.once("connect", () => resolve("connected"));
      socket.once("connect_error", (error) => resolve(`refused: ${error.message}`));
    });

  it("refuses the cookie from a foreign Origin, accepts it from ours, and accepts an API key from anywhere", async () => {
    expect(await outcome({ Cookie: owner.cookie, Origin: "https://evil.example" })).toMatch(/^refused: Cross-site/);
    expect(await outcome({ Cookie: owner.cookie, Origin: baseUrl() })).toBe("connected");
    expect(await outcome({ Origin: "https://evil.example" }, { apiKey: owner.apiKey })).toBe("connected");
  });
});

describe("security headers", () => {
  it("every answer — page, API, error, static — says nosniff, no framing, and a referrer policy", async () => {
    const page = await fetch(`${baseUrl()}/login`);
    const api = await fetch(`${baseUrl()}/api/health`);
    const error = await fetch(`${baseUrl()}/api/sessions`);
    const missing = await fetch(`${baseUrl()}/api/nothing-here`);
    const file = await fetch(`${baseUrl()}/favicon.svg`);
    for (const [what, res] of Object.entries({ page, api, error, missing, file })) {
      expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
      expect(res.headers.get("x-frame-options"), what).toBe("DENY");
      expect(res.headers.get("referrer-policy"), what).toBe("same-origin");
      expect(res.headers.get("content-security-policy"), what).toMatch(/frame-ancestors 'none'/);
    }
    expect(api.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
  });

  it("pages get a script nonce that changes on every request and is on every script tag", async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${baseUrl()}/login`);
      const csp = res.headers.get("content-security-policy")!;
      const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
      expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, "every script carries the nonce").toContain(`nonce="${nonce}"`);
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

// POST /api/chat/send is called without Next.js's router (lib/server/serve-route-directly.ts):
// its answers must be those of every other route.
describe("the send route, served without Next.js's router", () => {
  it("answers errors and successes as Next.js-served routes do, with the same security headers", async () => {
    const viaNext = await fetch(`${baseUrl()}/api/webhooks`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    const direct = await fetch(`${baseUrl()}/api/chat/send`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect([viaNext.status, await viaNext.json()]).toEqual([401, { error: "Not authenticated" }]);
    expect([direct.status, await direct.json()]).toEqual([401, { error: "Not authenticated" }]);
    for (const name of ["content-type", "x-content-type-options", "x-frame-options", "referrer-policy", "content-security-policy"]) {
      expect(direct.headers.get(name), name).toBe(viaNext.headers.get(name));
    }
    // The wiring: Next.js marks its route answers with its RSC Vary header; the direct path does not.
    expect(viaNext.headers.get("vary")).toMatch(/\brsc\b/);
    expect(direct.headers.get("vary")).toBeNull();

    const bad = await request("POST", "/api/chat/send?wait=maybe", {
      as: { apiKey: owner.apiKey },
      json: { sessionId, jid: "15550001111", message: { text: "x" } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/wait/);
    const unknown = await request("POST", "/api/chat/send", {
      as: { apiKey: owner.apiKey },
      json: { sessionId: "no-such-session", jid: "15550001111", message: { text: "x" } },
    });
    expect([unknown.status, unknown.body]).toEqual([404, { error: "Session not found" }]);
    // A trailing slash is not the route: Next.js answers it as it answers any other path.
    expect((await fetch(`${baseUrl()}/api/chat/send/`, { method: "POST", redirect: "manual" })).status).not.toBe(401);
  });

  it("every door's send and the sandbox contact's message are served the same way", async () => {
    for (const path of [
      "/api/messages/send",
      "/api/v1/messages?sessionId=x",
      "/api/whatsapp/chats/send-text",
      "/api/whatsapp/chats/send-image",
      "/api/sandbox/contacts/15550001111/messages",
    ]) {
      const res = await fetch(`${baseUrl()}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      expect(res.status, path).toBe(401);
      expect(res.headers.get("vary"), path).toBeNull();
    }
  });
});

// A JSON body is read up to 32 MiB (lib/api/read-json-body.ts), on routes Next.js serves and on
// those served directly alike; a client that has not authenticated gets its answer without the
// gateway reading its body at all.
describe("request bodies are read up to a limit", () => {
  /** Declares `declared` bytes, sends the first 64 KiB, and returns the answer that comes before the rest. */
  const answerTo = (path: string, declared: number, headers: Record<string, string>) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${baseUrl()}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(declared), ...headers },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      });
      req.on("error", (error) => (/hang up|EPIPE|ECONNRESET/.test(error.message) ? undefined : reject(error)));
      req.write(`{"pad":"${" ".repeat(64 * 1024)}`);
    });

  it("a declared body over the limit is a 413 naming it, on a direct route and a Next.js one", async () => {
    for (const path of ["/api/chat/send", "/api/webhooks"]) {
      const res = await answerTo(path, 40 * 1024 * 1024, { "x-api-key": owner.apiKey });
      expect(res.status, path).toBe(413);
      expect(JSON.parse(res.body), path).toEqual({ error: "Request body is larger than the limit of 33554432 bytes" });
    }
  });

  it("without a key, the answer is a 401 that does not wait for the body", async () => {
    const res = await answerTo("/api/chat/send", 40 * 1024 * 1024, {});
    expect(res.status).toBe(401);
  });
});

describe("malformed requests are a 4xx with { error }", () => {
  const expectError = (res: { status: number; body: { error?: unknown }; contentType: string }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.contentType).toContain("application/json");
    // `error` always; a 400 from a schema also lists its `issues` (the dashboard's field errors).
    expect(res.body).toMatchObject({ error: expect.any(String) });
    expect(Object.keys(res.body).filter((k) => k !== "error" && k !== "issues")).toEqual([]);
  };

  it("a path parameter that is not UTF-8 (%ff) or carries NUL (%00)", async () => {
    expectError(await request("GET", "/api/sessions/%ff", { as: { apiKey: owner.apiKey } }), 400);
    expectError(await request("GET", "/api/sessions/a%00b", { as: { apiKey: owner.apiKey } }), 400);
    expectError(await request("GET", "/api/sessions/%ED%A0%80/status", { as: { apiKey: owner.apiKey } }), 400);
  });

  it("a NUL byte or a lone surrogate in a body or a query names the field", async () => {
    const nul = await request("PATCH", `/api/sessions/${sessionId}`, { as: { apiKey: owner.apiKey }, rawBody: '{"name":"a\\u0000b"}' });
    expectError(nul, 400);
    expect(nul.body.error).toBe("name: must not contain NUL characters");
    const surrogate = await request("POST", "/api/sessions", { as: { apiKey: owner.apiKey }, rawBody: '{"name":"\\ud800"}' });
    expectError(surrogate, 400);
    expect(surrogate.body.error).toMatch(/^name: contains an invalid Unicode character/);
    const query = await request("GET", `/api/chat/${sessionId}?search=a%00b`, { as: { apiKey: owner.apiKey } });
    expectError(query, 400);
    expect(query.body.error).toBe("search: must not contain NUL characters");
    expect((await request("GET", `/api/sessions/${sessionId}`, { as: { apiKey: owner.apiKey } })).body.name).toBe("Hardening");
  });

  it("JSON nested 5,000 deep (metadata of connect)", async () => {
    const deep = `{"metadata":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`;
    const res = await request("POST", `/api/sessions/${sessionId}/connect`, { as: { apiKey: owner.apiKey }, rawBody: deep });
    expectError(res, 400);
    expect(res.body.error).toMatch(/nested too deeply/);
  });

  it("a method the route does not have is 405 { error }", async () => {
    const res = await request("PUT", "/api/sessions", { as: { apiKey: owner.apiKey }, json: {} });
    expectError(res, 405);
    expect(res.body.error).toBe("Method PUT is not allowed here");
  });

  it("headers too large for the server are 431 { error }", async () => {
    const url = new URL(baseUrl());
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = tcpConnect(Number(url.port), url.hostname, () => {
        socket.write(`GET /api/health HTTP/1.1\r\nHost: ${url.host}\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
      });
      let data = "";
      socket.on("data", (chunk) => (data += chunk));
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(answer.split("\r\n\r\n")[1])).toEqual({ error: "Request headers are too large" });
  });

  it("a webhook for an event that does not exist is refused with the list of valid names", async () => {
    const res = await request("POST", "/api/webhooks", {
      as: { apiKey: owner.apiKey },
      json: { name: "typo", url: "https://93.184.216.34/hook", events: ["message", "bogus.event"] },
    });
    expectError(res, 400);
    expect(res.body.error).toMatch(/^events\.1: unknown event "bogus\.event"; valid names: .*message\.received/);
  });

  it("a PNG that cannot be decoded is refused at upload, so it can never fail later as a sticker", async () => {
    const real = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#00aa55" } })
      .png()
      .toBuffer();
    const corrupt = Buffer.concat([real.subarray(0, 40), Buffer.alloc(200, 0x41)]);
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(corrupt)], { type: "image/png" }), "broken.png");
    const res = await request("POST", "/api/media", { as: { apiKey: owner.apiKey }, form });
    expectError(res, 400);
    expect(res.body.error).toMatch(/^file: the PNG image could not be decoded/);
  });

  it("a media URL whose host does not resolve is a 400 naming the URL", async () => {
    const res = await request("POST", "/api/chat/send", {
      as: { apiKey: owner.apiKey },
      json: { sessionId, jid: "15550100002", message: { image: { url: "https://no-such-host.invalid/cat.png" } } },
    });
    expectError(res, 400);
    expect(res.body.error).toMatch(/^image\.url https:\/\/no-such-host\.invalid\/cat\.png: /);
  });
});
