// Issue 9, item 3 across nodes: two gateway processes on one database. A key revoked through one
// node disconnects the sockets opened with it on the other (PostgreSQL LISTEN/NOTIFY), and a
// sign-out-everywhere on one ends the other's cookie sockets. A key narrowed or revoked through one
// node is honoured by the other at once, though the other had its caller cached (issue 10).
import { io as connectSocket, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request } from "../support/api-client";
import { registerTenant, type Tenant } from "../support/sandbox";
import { waitFor } from "../support/wait";

let first: TestServer;
let second: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  if (!process.env.DATABASE_URL) return;
  first = await startTestServer();
  // The same database and data directory (hence the same secrets): a second node of one gateway.
  second = await startTestServer({ reuse: first.state });
}, 180_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await second?.stop({ keep: true });
  await first?.stop();
});

function openSocket(base: string, auth: { apiKey: string } | { cookie: string }): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectSocket(base, {
      ...("apiKey" in auth ? { auth: { apiKey: auth.apiKey } } : { extraHeaders: { Cookie: auth.cookie } }),
      transports: ["websocket"],
      reconnection: false,
    });
    sockets.push(socket);
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

describe.skipIf(!process.env.DATABASE_URL)("revocations across nodes (PostgreSQL LISTEN/NOTIFY)", () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await registerTenant(first.baseUrl);
  });

  it("a key revoked on one node disconnects its socket on the other within 2 s", async () => {
    const socket = await openSocket(second.baseUrl, { apiKey: tenant.key });
    const cookieSocket = await openSocket(second.baseUrl, { cookie: tenant.cookie });
    expectOk(await request("DELETE", "/api/user/api-key", { baseUrl: first.baseUrl, as: { cookie: tenant.cookie } }), "revoke on the first node");
    await waitFor("the second node's key socket to be disconnected", async () => !socket.connected, 2_000);
    // The same user's cookie socket is still valid, and stays.
    expect(cookieSocket.connected).toBe(true);
  });

  // Issue 10: each node keeps the callers of API keys it has checked (lib/api-keys/api-key-cache.ts).
  it("a key narrowed or revoked through one node is honoured by the other at once, though it had the key's caller cached", async () => {
    const owner = await registerTenant(first.baseUrl, "cache");
    const named = expectOk(
      await request("POST", "/api/api-keys", { baseUrl: first.baseUrl, as: { cookie: owner.cookie }, json: { name: "Tool" } }),
      "create a named key",
      201,
    ).body as { id: string; apiKey: string };
    // Used on the second node first, twice: its caller is cached there.
    for (let i = 0; i < 2; i++) {
      expect((await request("GET", "/api/webhooks", { baseUrl: second.baseUrl, as: { apiKey: named.apiKey } })).status).toBe(200);
      expect((await request("GET", "/api/users/me", { baseUrl: second.baseUrl, as: { apiKey: owner.key } })).status).toBe(200);
    }

    expectOk(
      await request("PATCH", `/api/api-keys/${named.id}`, { baseUrl: first.baseUrl, as: { cookie: owner.cookie }, json: { scopes: ["read"] } }),
      "narrow on the first node",
    );
    expect((await request("GET", "/api/webhooks", { baseUrl: second.baseUrl, as: { apiKey: named.apiKey } })).status).toBe(403);
    expect((await request("GET", "/api/users/me", { baseUrl: second.baseUrl, as: { apiKey: named.apiKey } })).status).toBe(200);

    expectOk(await request("DELETE", "/api/user/api-key", { baseUrl: first.baseUrl, as: { cookie: owner.cookie } }), "revoke on the first node");
    expect((await request("GET", "/api/users/me", { baseUrl: second.baseUrl, as: { apiKey: owner.key } })).status).toBe(401);

    expectOk(await request("DELETE", `/api/api-keys/${named.id}`, { baseUrl: first.baseUrl, as: { cookie: owner.cookie } }), "delete on the first node");
    expect((await request("GET", "/api/users/me", { baseUrl: second.baseUrl, as: { apiKey: named.apiKey } })).status).toBe(401);
  });

  it("sign out everywhere on one node disconnects the cookie sockets on the other", async () => {
    const cookieSocket = await openSocket(second.baseUrl, { cookie: tenant.cookie });
    expectOk(await request("POST", "/api/users/me/sign-out-everywhere", { baseUrl: first.baseUrl, as: { cookie: tenant.cookie } }), "sign out");
    await waitFor("the second node's cookie socket to be disconnected", async () => !cookieSocket.connected, 2_000);
  });
});
