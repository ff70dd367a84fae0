// Issue 14: named API keys with scopes. A key's scopes and sessions only ever narrow its user, at
// the one place callers are resolved — so every endpoint respects them without code of its own.
import { io as connectSocket, type Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { baseUrl, createSession, createStaff, expectOk, registerOwner, rememberApiKey, request, type Actor } from "../support/api-client";
import { until } from "../support/wait";

async function namedKey(owner: Pick<Actor, "cookie">, body: Record<string, unknown>) {
  const res = expectOk(await request("POST", "/api/api-keys", { as: { cookie: owner.cookie }, json: body }), `create key ${JSON.stringify(body)}`, 201);
  rememberApiKey(res.body.apiKey);
  return res.body as { id: string; apiKey: string; name: string; scopes: string[] | null; sessions: string[] | null };
}

describe("/api/api-keys", () => {
  it("several named keys beside the default one; listed masked with scopes, sessions, expiry and last use", async () => {
    const owner = await registerOwner("keys");
    const session = await createSession({ cookie: owner.cookie });
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const a = await namedKey(owner, { name: "CRM", scopes: ["read", "send"], sessions: [session.sessionId], expiresAt });
    expect(a).toMatchObject({ name: "CRM", scopes: ["read", "send"], sessions: [session.sessionId], isDefault: false });
    expect(a.apiKey).toMatch(/^wag_/);
    const b = await namedKey(owner, { name: "Everything" });
    expect(b).toMatchObject({ scopes: null, sessions: null, expiresAt: null });
    expectOk(await request("GET", "/api/users/me", { as: { apiKey: a.apiKey } }), "use a");

    const list = expectOk(await request("GET", "/api/api-keys", { as: { cookie: owner.cookie } }), "list");
    expect(list.text).not.toContain(a.apiKey);
    const names = list.body.apiKeys.map((k: { name: string }) => k.name);
    // The default key (from registration) first, then the named ones.
    expect(names).toEqual(["Default key", "CRM", "Everything"]);
    const crm = list.body.apiKeys.find((k: { id: string }) => k.id === a.id);
    expect(crm).toMatchObject({ apiKey: `wag_…${a.apiKey.slice(-4)}`, expiresAt, expired: false });
    expect(crm.lastUsedAt).not.toBeNull();
    expect(crm.lastUsedIp).toEqual(expect.any(String));

    // The default key's own contract is untouched: rotating it leaves named keys working.
    expectOk(await request("POST", "/api/user/api-key", { as: { cookie: owner.cookie } }), "rotate default").body.apiKey;
    expect((await request("GET", "/api/users/me", { as: { apiKey: b.apiKey } })).status).toBe(200);
    expect((await request("GET", "/api/users/me", { as: { apiKey: owner.apiKey } })).status).toBe(401);
  });

  it("PATCH renames and narrows; DELETE revokes at once; another user's key is 404", async () => {
    const owner = await registerOwner("keyedit");
    const other = await registerOwner("keyedit-other");
    const key = await namedKey(owner, { name: "Tool" });
    const patched = expectOk(
      await request("PATCH", `/api/api-keys/${key.id}`, { as: { cookie: owner.cookie }, json: { name: "Tool (read)", scopes: ["read"] } }),
      "patch",
    ).body;
    expect(patched).toMatchObject({ name: "Tool (read)", scopes: ["read"] });
    expect((await request("POST", "/api/sessions", { as: { apiKey: key.apiKey }, json: { name: "x" } })).status).toBe(403);

    expect((await request("PATCH", `/api/api-keys/${key.id}`, { as: { cookie: other.cookie }, json: { name: "mine" } })).status).toBe(404);
    expect((await request("DELETE", `/api/api-keys/${key.id}`, { as: { cookie: other.cookie } })).status).toBe(404);
    expect((await request("GET", "/api/users/me", { as: { apiKey: key.apiKey } })).status).toBe(200);

    expectOk(await request("DELETE", `/api/api-keys/${key.id}`, { as: { cookie: owner.cookie } }), "delete");
    expect((await request("GET", "/api/users/me", { as: { apiKey: key.apiKey } })).status).toBe(401);
    expect((await request("DELETE", `/api/api-keys/${key.id}`, { as: { cookie: owner.cookie } })).status).toBe(404);
  });

  it("bad input is a 400 naming the field", async () => {
    const owner = await registerOwner("keybad");
    const as = { cookie: owner.cookie };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, "name"],
      [{ name: "x", scopes: ["admin"] }, "scopes"],
      [{ name: "x", scopes: [] }, "scopes"],
      [{ name: "x", expiresAt: "2000-01-01T00:00:00Z" }, "expiresAt"],
      [{ name: "x", expiresAt: "tomorrow" }, "expiresAt"],
      [{ name: "x", sessions: "abc" }, "sessions"],
      [{ name: "x", owner: "y" }, "owner"],
    ];
    for (const [json, field] of cases) {
      const res = await request("POST", "/api/api-keys", { as, json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.error).toContain(field);
    }
    expect((await request("PATCH", "/api/api-keys/nope", { as, json: {} })).status).toBe(400);
  });

  it("a key can only name sessions its user reaches: another tenant's, or an unassigned one for staff, is 404", async () => {
    const owner = await registerOwner("keyscope");
    const other = await registerOwner("keyscope-other");
    const theirs = await createSession({ cookie: other.cookie });
    expect((await request("POST", "/api/api-keys", { as: { cookie: owner.cookie }, json: { name: "x", sessions: [theirs.sessionId] } })).status).toBe(404);
    expect((await request("POST", "/api/api-keys", { as: { cookie: owner.cookie }, json: { name: "x", sessions: [theirs.id] } })).status).toBe(404);
    const mine = await createSession({ cookie: owner.cookie });
    const unassigned = await createSession({ cookie: owner.cookie });
    const staff = await createStaff(owner, [mine.sessionId]);
    expect((await request("POST", "/api/api-keys", { as: { cookie: staff.cookie }, json: { name: "x", sessions: [unassigned.sessionId] } })).status).toBe(404);
    // Staff asking for "manage sessions" gets a key — which still cannot do what staff cannot.
    const staffKey = await namedKey(staff, { name: "s", scopes: ["sessions"] });
    expect((await request("POST", "/api/sessions", { as: { apiKey: staffKey.apiKey }, json: { name: "x" } })).status).toBe(403);
    expect((await request("DELETE", `/api/sessions/${mine.sessionId}`, { as: { apiKey: staffKey.apiKey } })).status).toBe(403);
  });
});

describe("scopes × endpoints", () => {
  // [method, path, body] for each kind of work; the path may use {s} for the owner's session.
  const endpoints = {
    readSessions: ["GET", "/api/sessions/{s}", undefined],
    listChats: ["GET", "/api/chat/{s}", undefined],
    createSession: ["POST", "/api/sessions", { name: "by key" }],
    manageSession: ["PATCH", "/api/sessions/{s}", { name: "renamed by key" }],
    listWebhooks: ["GET", "/api/webhooks", undefined],
    manageKeys: ["GET", "/api/api-keys", undefined],
    profile: ["GET", "/api/users/me", undefined],
  } as const;
  type Work = keyof typeof endpoints;
  const allowed: Record<string, Work[]> = {
    read: ["readSessions", "profile"],
    send: ["listChats", "profile"],
    sessions: ["readSessions", "createSession", "manageSession", "profile"],
    webhooks: ["readSessions", "listWebhooks", "profile"],
    "read+send": ["readSessions", "listChats", "profile"],
  };

  it.each(Object.entries(allowed))("a %s key reaches exactly its endpoints", async (scopeName, works) => {
    const owner = await registerOwner(`scope-${scopeName.replace("+", "-")}`);
    const session = await createSession({ cookie: owner.cookie });
    const key = await namedKey(owner, { name: scopeName, scopes: scopeName.split("+") });
    for (const [work, [method, path, json]] of Object.entries(endpoints)) {
      const res = await request(method, path.replace("{s}", session.sessionId), { as: { apiKey: key.apiKey }, json });
      if (works.includes(work as Work)) expect(res.status, `${scopeName} → ${work}: ${res.text.slice(0, 200)}`).toBeLessThan(300);
      else expect(res.status, `${scopeName} → ${work}`).toBe(403);
    }
    // The owner's own cookie, for contrast, reaches all of them.
    for (const [work, [method, path, json]] of Object.entries(endpoints)) {
      const res = await request(method, path.replace("{s}", session.sessionId), { as: { cookie: owner.cookie }, json });
      expect(res.status, `cookie → ${work}`).toBeLessThan(300);
    }
  });

  it("a key restricted to one session sees only it; the others are 404, and it cannot mint keys or sessions", async () => {
    const owner = await registerOwner("onesession");
    const [a, b] = [await createSession({ cookie: owner.cookie }), await createSession({ cookie: owner.cookie })];
    const key = await namedKey(owner, { name: "only a", sessions: [a.sessionId] });
    const as = { apiKey: key.apiKey };
    const list = expectOk(await request("GET", "/api/sessions", { as }), "list").body;
    const ids = (Array.isArray(list) ? list : list.sessions).map((s: { sessionId: string }) => s.sessionId);
    expect(ids).toEqual([a.sessionId]);
    expect((await request("GET", `/api/sessions/${a.sessionId}`, { as })).status).toBe(200);
    for (const [method, path] of [
      ["GET", `/api/sessions/${b.sessionId}`],
      ["DELETE", `/api/sessions/${b.sessionId}`],
      ["GET", `/api/chat/${b.sessionId}`],
      ["PATCH", `/api/sessions/${b.id}`],
    ] as const) {
      expect((await request(method, path, { as, json: method === "PATCH" ? { name: "x" } : undefined })).status, `${method} ${path}`).toBe(404);
    }
    expect((await request("POST", "/api/api-keys", { as, json: { name: "escape" } })).status).toBe(403);
    expect((await request("POST", "/api/user/api-key", { as })).status).toBe(403);
    expect((await request("POST", "/api/sessions", { as, json: { name: "new" } })).status).toBe(403);
    // Only its session's webhooks, never tenant-wide ones.
    const tenantWide = expectOk(
      await request("POST", "/api/webhooks", { as: { cookie: owner.cookie }, json: { name: "all", url: "http://8.8.8.8/", events: ["message.received"] } }),
      "tenant-wide hook",
    ).body;
    expect((await request("GET", `/api/webhooks/${tenantWide.id}`, { as })).status).toBe(404);
    // Its session gone, the key reaches nothing (it does not widen to "all").
    expectOk(await request("DELETE", `/api/sessions/${a.sessionId}`, { as }), "delete a");
    expect((await request("GET", `/api/sessions/${b.sessionId}`, { as })).status).toBe(404);
  });

  it("an expired key is refused (401)", async () => {
    const owner = await registerOwner("expiry");
    const key = await namedKey(owner, { name: "short", expiresAt: new Date(Date.now() + 1500).toISOString() });
    expect((await request("GET", "/api/users/me", { as: { apiKey: key.apiKey } })).status).toBe(200);
    await until(
      () => request("GET", "/api/users/me", { as: { apiKey: key.apiKey } }),
      (res) => res.status === 401,
      "the key to expire",
      15_000,
      200,
    );
    const listed = expectOk(await request("GET", "/api/api-keys", { as: { cookie: owner.cookie } }), "list").body.apiKeys.find(
      (k: { id: string }) => k.id === key.id,
    );
    expect(listed.expired).toBe(true);
  });
});

describe("sockets of scoped keys", () => {
  const open = (apiKey: string) =>
    new Promise<Socket>((resolve, reject) => {
      const s = connectSocket(baseUrl(), { auth: { apiKey }, transports: ["websocket"], reconnection: false });
      s.once("connect", () => resolve(s));
      s.once("connect_error", reject);
    });
  const join = (socket: Socket, sessionId: string) =>
    new Promise<{ ok: boolean; error?: string }>((resolve) => socket.emit("join-session", { sessionId }, resolve));

  it("a session-restricted key joins only its session; revoking it disconnects the socket at once", async () => {
    const owner = await registerOwner("keysock");
    const [a, b] = [await createSession({ cookie: owner.cookie }), await createSession({ cookie: owner.cookie })];
    const key = await namedKey(owner, { name: "socket", sessions: [a.sessionId], scopes: ["read"] });
    const socket = await open(key.apiKey);
    try {
      expect(await join(socket, a.sessionId)).toMatchObject({ ok: true });
      expect(await join(socket, b.sessionId)).toMatchObject({ ok: false });
      expectOk(await request("DELETE", `/api/api-keys/${key.id}`, { as: { cookie: owner.cookie } }), "revoke");
      await until(
        () => socket.connected,
        (connected) => !connected,
        "the socket to be disconnected",
        5_000,
        25,
      );
    } finally {
      socket.close();
    }
  });

  it("an expiring key's socket is disconnected when it expires", async () => {
    const owner = await registerOwner("keysockexp");
    const key = await namedKey(owner, { name: "short", expiresAt: new Date(Date.now() + 1500).toISOString() });
    const socket = await open(key.apiKey);
    try {
      expect(socket.connected).toBe(true);
      await until(
        () => socket.connected,
        (connected) => !connected,
        "the socket to be disconnected at expiry",
        15_000,
        50,
      );
    } finally {
      socket.close();
    }
  });
});
