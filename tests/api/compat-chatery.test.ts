// Issue 14, Chatery: its session paths and its Socket.io payloads, written from its document's
// examples (paths, bodies, X-Api-Key, answers) against a sandbox gateway.
import { io as connectSocket, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request, uniqueName } from "../support/api-client";
import { ALICE, contactSends, registerTenant, startSandboxGateway, type Tenant, waitForSessionStatus } from "../support/sandbox";
import { until } from "../support/wait";
import { startReceiver, type Receiver } from "../support/webhook-receiver";

let gateway: TestServer;
let base: string;
let tenant: Tenant;
let receiver: Receiver;
let mysession: string;

const wa = (method: string, path: string, json?: unknown, key: string | null = tenant.key) =>
  request(method, `/api/whatsapp${path}`, { baseUrl: base, headers: key ? { "X-Api-Key": key } : {}, json });

function socket(auth: Record<string, unknown>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connectSocket(base, { auth, transports: ["websocket"], reconnection: false });
    s.once("connect", () => resolve(s));
    s.once("connect_error", reject);
  });
}

beforeAll(async () => {
  receiver = await startReceiver();
  gateway = await startSandboxGateway();
  base = gateway.baseUrl;
  tenant = await registerTenant(base, "chatery");
  mysession = uniqueName("mysession").slice(0, 30);
});
afterAll(async () => {
  await gateway?.stop();
  await receiver?.close();
});

describe("Chatery sessions", () => {
  it("connect creates the session with metadata and webhooks, answers its QR; scanning connects it", async () => {
    expect((await wa("GET", "/sessions")).body).toEqual({ success: true, message: "Sessions retrieved", data: [] });
    const res = await wa("POST", `/sessions/${mysession}/connect`, {
      metadata: { userId: "user123", plan: "premium", customField: "any value" },
      webhooks: [{ url: receiver.url, events: ["all"] }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      message: "Session created",
      data: { sessionId: mysession, metadata: { userId: "user123", plan: "premium" }, webhooks: [{ url: receiver.url, events: ["all"] }] },
    });
    expect(["connecting", "qr_ready"]).toContain(res.body.data.status);
    const qr = await until(
      () => wa("GET", `/sessions/${mysession}/qr`),
      (r) => typeof r.body?.data?.qrCode === "string",
      "a QR code",
    );
    expect(qr.body.data.qrCode).toMatch(/^data:image\/png;base64,/);
    const image = await fetch(`${base}/api/whatsapp/sessions/${mysession}/qr/image`, { headers: { "X-Api-Key": tenant.key } });
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");

    expectOk(await request("POST", `/api/sandbox/sessions/${mysession}/scan`, { baseUrl: base, as: { apiKey: tenant.key }, json: {} }), "scan");
    await waitForSessionStatus(base, tenant, mysession, "CONNECTED");
    const status = await wa("GET", `/sessions/${mysession}/status`);
    expect(status.body).toEqual({
      success: true,
      message: "Session status retrieved",
      data: { sessionId: mysession, status: "connected", isConnected: true, phoneNumber: expect.any(String), name: status.body.data.name },
    });
    expect(status.body.data).toHaveProperty("name");
    const list = await wa("GET", "/sessions");
    expect(list.body.data).toEqual([
      expect.objectContaining({
        sessionId: mysession,
        status: "connected",
        isConnected: true,
        metadata: { userId: "user123", plan: "premium", customField: "any value" },
        webhooks: [{ url: receiver.url, events: ["all"] }],
      }),
    ]);
    // Connecting again does not create another one.
    expect((await wa("POST", `/sessions/${mysession}/connect`)).body.message).toBe("Session connecting");
  });

  it("config merges metadata and replaces webhooks; webhooks can be added and removed by URL", async () => {
    const other = `${receiver.url}?second=1`;
    const res = await wa("PATCH", `/sessions/${mysession}/config`, {
      metadata: { newField: "value" },
      webhooks: [{ url: receiver.url, events: ["message", "connection.update"] }],
    });
    expect(res.body).toEqual({
      success: true,
      message: "Session config updated",
      data: {
        sessionId: mysession,
        metadata: { userId: "user123", plan: "premium", customField: "any value", newField: "value" },
        webhooks: [{ url: receiver.url, events: ["message", "connection.update"] }],
      },
    });
    expectOk(await wa("POST", `/sessions/${mysession}/webhooks`, { url: other, events: ["message", "connection.update"] }), "add");
    expect((await wa("GET", "/sessions")).body.data[0].webhooks.map((w: { url: string }) => w.url)).toEqual([receiver.url, other]);
    expectOk(await wa("DELETE", `/sessions/${mysession}/webhooks`, { url: other }), "remove");
    expect((await wa("GET", "/sessions")).body.data[0].webhooks.map((w: { url: string }) => w.url)).toEqual([receiver.url]);
    expect((await wa("PATCH", `/sessions/${mysession}/config`, {})).status).toBe(400);
    expect((await wa("POST", `/sessions/${mysession}/webhooks`, { url: "not a url" })).body).toMatchObject({
      success: false,
      message: expect.stringContaining("url"),
    });
  });

  it("sockets that ask for Chatery's format get its payloads; others keep ours", async () => {
    const chatery = await socket({ apiKey: tenant.key, format: "chatery" });
    const ours = await socket({ apiKey: tenant.key });
    try {
      // Chatery subscribes with the bare session id.
      await new Promise((resolve) => chatery.emit("subscribe", mysession, resolve));
      await new Promise((resolve) => ours.emit("join-session", { sessionId: mysession }, resolve));
      const got = { chatery: [] as any[], ours: [] as any[] };
      chatery.on("message", (d) => got.chatery.push(d));
      ours.on("message", (d) => got.ours.push(d));
      const text = uniqueName("hello socket");
      await contactSends(base, tenant, mysession, text, ALICE);
      await until(
        () => got,
        (g) => g.chatery.length > 0 && g.ours.length > 0,
        "both sockets to get the message",
      );
      expect(got.chatery[0]).toEqual({
        sessionId: mysession,
        timestamp: expect.any(String),
        message: expect.objectContaining({ text, fromMe: false, message: expect.any(Object) }),
      });
      expect(got.ours[0]).toMatchObject({ sessionId: mysession, text, fromMe: false });
      expect(got.ours[0].message).toEqual(expect.any(Object));
      // And the webhook set at connect received it too.
      await receiver.waitFor((all) => all.some((r) => r.body?.data?.text === text), "the message at the webhook");
    } finally {
      chatery.close();
      ours.close();
    }
  });

  it("an invalid key is 403 as Chatery documents, a missing one 401; another tenant's session is 404", async () => {
    const bad = await wa("GET", "/sessions", undefined, "wag_definitely-not-a-valid-key-000000");
    expect(bad.status).toBe(403);
    expect(bad.body).toEqual({ success: false, message: "Invalid API key", error: "Invalid API key" });
    expect((await wa("GET", "/sessions", undefined, null)).status).toBe(401);
    const stranger = await registerTenant(base, "chatery-stranger");
    for (const [method, path] of [
      ["GET", `/sessions/${mysession}/status`],
      ["GET", `/sessions/${mysession}/qr`],
      ["DELETE", `/sessions/${mysession}`],
      ["PATCH", `/sessions/${mysession}/config`],
    ] as const) {
      const res = await wa(method, path, method === "PATCH" ? { metadata: { x: 1 } } : undefined, stranger.key);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // The stranger's connect makes their own session of that name, never touches ours.
    expect((await wa("POST", `/sessions/${mysession}/connect`, {}, stranger.key)).body.message).toBe("Session created");
    expect((await wa("GET", `/sessions/${mysession}/status`)).body.data.status).toBe("connected");
  });

  it("DELETE removes the session", async () => {
    const res = await wa("DELETE", `/sessions/${mysession}`);
    expect(res.body).toEqual({ success: true, message: "Session deleted", data: { sessionId: mysession } });
    expect((await wa("GET", `/sessions/${mysession}/status`)).status).toBe(404);
  });
});

describe("Ultimate WhatsApp Gateway's connection.update", () => {
  it("carries qr for those who may manage the session", async () => {
    const session = expectOk(await request("POST", "/api/sessions", { baseUrl: base, as: { apiKey: tenant.key }, json: { name: "qr watch" } }), "create").body;
    const s = await socket({ apiKey: tenant.key });
    try {
      await new Promise((resolve) => s.emit("join-session", { sessionId: session.sessionId }, resolve));
      const updates: any[] = [];
      s.on("connection.update", (d) => updates.push(d));
      expectOk(await request("POST", `/api/sessions/${session.sessionId}/connect`, { baseUrl: base, as: { apiKey: tenant.key }, json: {} }), "connect");
      await until(
        () => updates,
        (u) => u.some((d) => d.status === "QR"),
        "a QR status update",
      );
      const qrUpdate = updates.find((d) => d.status === "QR");
      expect(qrUpdate).toMatchObject({ sessionId: session.sessionId, status: "QR", qr: expect.any(String) });
    } finally {
      s.close();
    }
  });
});
