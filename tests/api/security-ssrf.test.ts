// Issue 9, item 1 through the real gateway (private network URLs not allowed): every spelling of an
// internal address that Node's URL parser produces is refused when a URL is saved — webhook
// targets and the profile-picture guard's fallback alike —, while public addresses are accepted.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { safeFetch } from "@/lib/net/safe-fetch";
import { type Actor, createSession, expectOk, type PublicSession, registerOwner, request } from "../support/api-client";

let owner: Actor;
let session: PublicSession;

beforeAll(async () => {
  owner = await registerOwner("ssrf");
  session = await createSession({ apiKey: owner.apiKey });
});

// Each reaches loopback, a private range or the cloud metadata address.
const internalUrls = [
  "http://[::ffff:127.0.0.1]/",
  "http://[::ffff:7f00:1]/",
  "http://[::ffff:a9fe:a9fe]/latest/meta-data/",
  "http://[::ffff:a00:1]/",
  "http://[::ffff:c0a8:1]/",
  "http://[0:0:0:0:0:ffff:7f00:1]:8080/",
  "http://[64:ff9b::7f00:1]/",
  "http://[2002:7f00:1::1]/",
  "http://[::127.0.0.1]/",
  "http://[::1]/",
  "http://[fd00::1]/",
  "http://0x7f000001/",
  "http://2130706433/",
  "http://127.1/",
  "http://169.254.169.254/",
];

describe("SSRF guard at save time", () => {
  it.each(internalUrls)("refuses a webhook to %s", async (url) => {
    const res = await request("POST", "/api/webhooks", { as: { apiKey: owner.apiKey }, json: { name: "hook", url, events: ["message.received"] } });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error).toMatch(/^url: .*private, loopback or link-local/);
  });

  it.each(internalUrls)("refuses %s as the profile-picture fallback", async (url) => {
    const res = await request("PATCH", `/api/sessions/${session.sessionId}/settings`, {
      as: { apiKey: owner.apiKey },
      json: { config: { ppGuardEnabled: true, ppGuardFallbackUrl: url } },
    });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error).toMatch(/^config\.ppGuardFallbackUrl: /);
    const stored = expectOk(await request("GET", `/api/sessions/${session.sessionId}`, { as: { apiKey: owner.apiKey } }), "session").body;
    expect(stored.config.ppGuardFallbackUrl ?? null).not.toBe(url);
  });

  it("accepts public addresses, including an IPv4-mapped public one", async () => {
    for (const url of ["http://8.8.8.8/avatar.png", "http://[::ffff:808:808]/avatar.png", "http://[2606:4700:4700::1111]/a.png"]) {
      const res = await request("PATCH", `/api/sessions/${session.sessionId}/settings`, {
        as: { apiKey: owner.apiKey },
        json: { config: { ppGuardFallbackUrl: url } },
      });
      expect(res.status, res.text).toBe(200);
      expect(res.body.config.ppGuardFallbackUrl).toBe(url);
      const hook = await request("POST", "/api/webhooks", { as: { apiKey: owner.apiKey }, json: { name: "hook", url, events: ["message.received"] } });
      expect(hook.status, hook.text).toBe(200);
    }
  });

  it("refuses an internal media URL in a send", async () => {
    const res = await request("POST", "/api/chat/send", {
      as: { apiKey: owner.apiKey },
      json: { sessionId: session.sessionId, jid: "15550100002", message: { image: { url: "http://[::ffff:a9fe:a9fe]/latest/meta-data/" } } },
    });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error).toMatch(/private or loopback address/);
  });
});

// The bypass was real: an IPv4-mapped spelling reaches a service listening on 127.0.0.1 only.
describe("safeFetch against a loopback-only service", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end("internal-only answer"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each(["[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:7f00:1]", "127.1", "2130706433", "0x7f.0.0.1"])("refuses http://%s", async (host) => {
    const url = `http://${host}:${port}/`;
    // Reachable when private addresses are allowed (so the refusal below is the guard, not the network)…
    expect((await safeFetch(url, { maxBytes: 1024, timeoutMs: 5000, allowPrivate: true })).body.toString()).toBe("internal-only answer");
    // …and refused otherwise.
    await expect(safeFetch(url, { maxBytes: 1024, timeoutMs: 5000, allowPrivate: false })).rejects.toThrow(/private or loopback address/);
  });
});
