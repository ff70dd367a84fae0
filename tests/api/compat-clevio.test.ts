// Issue 14, Clevio: its login, session paths (under /api/clevio) and webhook payload with replies,
// written from its document's examples against a sandbox gateway.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, registerOwner, request, uniqueName, type Actor } from "../support/api-client";
import { ALICE, contactSends, receivedBy, startSandboxGateway, waitForSessionStatus } from "../support/sandbox";
import { until, waitFor } from "../support/wait";
import { startReceiver, type Receiver } from "../support/webhook-receiver";

let gateway: TestServer;
let base: string;
let owner: Actor;
let receiver: Receiver;
let token: string;
let session: string;

const clevio = (method: string, path: string, json?: unknown, bearer: string | null = token) =>
  request(method, `/api/clevio${path}`, { baseUrl: base, as: bearer ? { bearer } : null, json });

beforeAll(async () => {
  receiver = await startReceiver();
  gateway = await startSandboxGateway();
  base = gateway.baseUrl;
  owner = await registerOwner("clevio", base);
  session = `62${Date.now().toString().slice(-10)}`;
});
afterAll(async () => {
  await gateway?.stop();
  await receiver?.close();
});

describe("Clevio login", () => {
  it("POST /api/login answers { token } usable as a Bearer token", async () => {
    const res = await request("POST", "/api/login", { baseUrl: base, json: { username: owner.username, password: owner.password } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ token: expect.stringMatching(/^wag_/) });
    token = res.body.token;
    expect((await clevio("GET", "/sessions")).body).toEqual([]);
    // It is a named, expiring key the user can see and revoke.
    const keys = expectOk(await request("GET", "/api/api-keys", { baseUrl: base, as: { cookie: owner.cookie } }), "keys").body.apiKeys;
    expect(keys.find((k: { name: string }) => k.name === "Clevio login")).toMatchObject({ expiresAt: expect.any(String), expired: false });
    const wrong = await request("POST", "/api/login", { baseUrl: base, json: { username: owner.username, password: "wrong-password" } });
    expect(wrong.status).toBe(401);
    expect((await request("POST", "/api/login", { baseUrl: base, json: { username: owner.username } })).status).toBe(400);
    expect((await clevio("GET", "/sessions", undefined, null)).status).toBe(401);
  });
});

describe("Clevio login at its other spelling, POST /login", () => {
  it("a JSON body answers { token } like /api/login; the dashboard's sign-in page stays a page", async () => {
    const res = await request("POST", "/login", { baseUrl: base, json: { username: owner.username, password: owner.password } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ token: expect.stringMatching(/^wag_/) });
    const sessions = await request("GET", "/api/clevio/sessions", { baseUrl: base, as: { bearer: res.body.token } });
    expect(sessions.status).toBe(200);
    expect(Array.isArray(sessions.body)).toBe(true);
    // Its errors are the door's: JSON, never the page.
    const wrong = await request("POST", "/login", { baseUrl: base, json: { username: owner.username, password: "wrong-password" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: expect.any(String) });
    const missing = await request("POST", "/login", { baseUrl: base, json: { username: owner.username } });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(expect.objectContaining({ error: expect.stringContaining("password") }));
    // The page itself, and a browser's form post to it, are not the door.
    const page = await request("GET", "/login", { baseUrl: base });
    expect(page.status).toBe(200);
    expect(page.contentType).toContain("text/html");
    const form = new FormData();
    form.set("identifier", owner.username);
    form.set("password", owner.password);
    const posted = await request("POST", "/login", { baseUrl: base, form });
    expect(posted.contentType).not.toContain("application/json");
    expect(posted.text).not.toMatch(/wag_[A-Za-z0-9]/);
  });
});

describe("Clevio sessions", () => {
  it("POST /sessions creates it with its webhook; init, scan, status with info", async () => {
    const res = await clevio("POST", "/sessions", { sessionId: session, webhookUrl: receiver.url });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      message: "Session created/updated successfully",
      session: { id: expect.any(String), session_id: session, webhook_url: receiver.url, created_at: expect.any(String), updated_at: expect.any(String) },
    });
    expect((await clevio("POST", `/sessions/${session}/init`)).body).toEqual({ message: "Session initialization triggered" });
    const qr = await until(
      () => clevio("GET", `/sessions/${session}/qr`),
      (r) => typeof r.body?.qrCode === "string",
      "a QR code",
    );
    expect(qr.body).toEqual({ qrCode: expect.stringMatching(/^data:image\/png;base64,/), status: "initializing" });
    expectOk(await request("POST", `/api/sandbox/sessions/${session}/scan`, { baseUrl: base, as: { bearer: token }, json: {} }), "scan");
    await waitForSessionStatus(base, { key: token }, session, "CONNECTED");
    const status = await clevio("GET", `/sessions/${session}/status`);
    expect(status.body).toEqual({ status: "connected", info: { name: status.body.info.name, number: expect.any(String) } });
    expect(status.body.info).toHaveProperty("name");
    expect((await clevio("GET", "/sessions")).body).toEqual([expect.objectContaining({ session_id: session, webhook_url: receiver.url })]);
  });

  it("an incoming message reaches the webhook in Clevio's payload, and a plain-text answer is the reply", async () => {
    receiver.answer = () => ({ status: 200, body: "This is a plain text reply from your webhook.", contentType: "text/plain" });
    const text = uniqueName("Hello");
    await contactSends(base, { key: token }, session, text, ALICE);
    const [hit] = (await receiver.waitFor((all) => all.some((r) => (r.body as any)?.body === text), "the Clevio payload")).filter(
      (r) => (r.body as any)?.body === text,
    );
    expect(hit.body).toEqual({
      sessionId: session,
      from: `${ALICE}@c.us`,
      to: expect.stringMatching(/@c\.us$/),
      body: text,
      type: "chat",
      timestamp: expect.any(Number),
      group: false,
    });
    await waitFor("the reply at Alice", async () =>
      (await receivedBy(base, { key: token }, ALICE)).find((m) => m.text === "This is a plain text reply from your webhook."),
    );
    const logs = await until(
      () => clevio("GET", `/sessions/${session}/logs`),
      (r) => Array.isArray(r.body) && r.body.some((l: { type: string; body: string }) => l.type === "outgoing" && l.body.startsWith("This is a plain")),
      "the reply in the log",
    );
    expect(logs.body).toContainEqual({ type: "incoming", from: `${ALICE}@c.us`, to: expect.any(String), body: text, timestamp: expect.any(Number) });
    receiver.answer = () => ({ status: 200, body: "" });
  });

  it("an incoming image reaches the webhook with its file (base64), mimetype and caption", async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#ff0000" } })
      .png()
      .toBuffer();
    const caption = uniqueName("Keterangan foto");
    expectOk(
      await request("POST", `/api/sandbox/contacts/${ALICE}/messages`, {
        baseUrl: base,
        as: { bearer: token },
        json: { to: session, image: png.toString("base64"), mimetype: "image/png", caption },
      }),
      "contact sends an image",
    );
    const [hit] = (await receiver.waitFor((all) => all.some((r) => (r.body as any)?.caption === caption), "the image payload")).filter(
      (r) => (r.body as any)?.caption === caption,
    );
    expect(hit.body).toMatchObject({ sessionId: session, from: `${ALICE}@c.us`, type: "image", group: false, mimetype: "image/png", caption });
    expect(Buffer.from((hit.body as any).media, "base64").equals(png)).toBe(true);
  });

  it("PUT /sessions/:id/webhook changes the URL; bad input is 400; another tenant gets 404", async () => {
    const url = `${receiver.url}?v=2`;
    const res = await clevio("PUT", `/sessions/${session}/webhook`, { webhookUrl: url });
    expect(res.body).toMatchObject({ message: "Webhook URL updated successfully", session: { session_id: session, webhook_url: url } });
    expect((await clevio("PUT", `/sessions/${session}/webhook`, { webhookUrl: "nope" })).status).toBe(400);
    expect((await clevio("POST", "/sessions", { sessionId: "a b" })).status).toBe(400);
    const stranger = await registerOwner("clevio-stranger", base);
    for (const [method, path] of [
      ["GET", `/sessions/${session}/status`],
      ["GET", `/sessions/${session}/logs`],
      ["DELETE", `/sessions/${session}`],
      ["POST", `/sessions/${session}/init`],
    ] as const) {
      expect((await clevio(method, path, undefined, stranger.apiKey)).status, `${method} ${path}`).toBe(404);
    }
  });

  it("DELETE /sessions/:id removes it", async () => {
    expect((await clevio("DELETE", `/sessions/${session}`)).body).toEqual({ message: "Session removed successfully" });
    expect((await clevio("GET", "/sessions")).body).toEqual([]);
  });
});
