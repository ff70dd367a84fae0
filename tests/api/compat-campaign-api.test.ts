// Issue 14, Campaign API (/api/v1): its documented calls — paths, bodies, headers and answers taken
// from its own examples — against a sandbox gateway, checked at the emulated contact.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request, uniqueName } from "../support/api-client";
import {
  ALICE,
  BOB,
  contactSends,
  jidOf,
  receivedBy,
  registerTenant,
  startSandboxGateway,
  type Tenant,
  waitForReceived,
  waitForSessionStatus,
} from "../support/sandbox";
import { startReceiver, type Receiver } from "../support/webhook-receiver";
import { waitFor } from "../support/wait";

let gateway: TestServer;
let base: string;
let tenant: Tenant;
let files: Server;
let filesUrl: string;
let receiver: Receiver;
/** "mySession" in the document; unique here. */
let mySession: string;
let token: string;

const v1 = (method: string, path: string, options: { token?: string | null; json?: unknown; headers?: Record<string, string> } = {}) =>
  request(method, `/api/v1${path}`, {
    baseUrl: base,
    as: options.token === null ? null : { bearer: options.token ?? token },
    json: options.json,
    headers: options.headers,
  });

beforeAll(async () => {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#22aa66" } })
    .png()
    .toBuffer();
  files = createServer((req, res) => {
    if (req.url !== "/200") return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": "image/png", "Content-Length": png.length }).end(png);
  });
  await new Promise<void>((resolve) => files.listen(0, "127.0.0.1", resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  receiver = await startReceiver();
  gateway = await startSandboxGateway();
  base = gateway.baseUrl;
  tenant = await registerTenant(base, "v1");
  mySession = uniqueName("mySession").slice(0, 30);

  // curl -X POST '/api/v1/sessions' -H 'X-Master-Key: …' -d '{ "sessionId": "mySession" }'
  const created = await request("POST", "/api/v1/sessions", { baseUrl: base, headers: { "X-Master-Key": tenant.key }, json: { sessionId: mySession } });
  expect(created.status).toBe(200);
  expect(created.body).toEqual({ status: "success", message: `Session ${mySession} created.`, token: expect.stringMatching(/^wag_/) });
  token = created.body.token;
  // Pair it (the sandbox's stand-in for scanning the QR), with the token itself.
  expectOk(
    await request("PATCH", `/api/sessions/${mySession}/settings`, { baseUrl: base, as: { bearer: token }, json: { config: { pacing: { enabled: false } } } }),
    "pacing",
  );
  expectOk(await request("POST", `/api/sandbox/sessions/${mySession}/scan`, { baseUrl: base, as: { bearer: token }, json: {} }), "scan");
  await waitForSessionStatus(base, { key: token }, mySession, "CONNECTED");
});
afterAll(async () => {
  await gateway?.stop();
  files?.close();
  await receiver?.close();
});

describe("Campaign API sessions", () => {
  it("GET /sessions lists the session in its shape — authenticated (our deliberate difference), token never shown again", async () => {
    const res = await v1("GET", "/sessions");
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ sessionId: mySession, status: "CONNECTED", detail: expect.any(String), qr: null, token: null }]);
    expect((await v1("GET", "/sessions", { token: null })).status).toBe(401);
    expect((await v1("GET", "/sessions", { token: "wag_not-a-real-key-000000000000000000" })).body).toEqual({
      status: "error",
      message: "Invalid API key",
      error: "Invalid API key",
    });
  });

  it("the token is the session's: it reaches no other session, and cannot create sessions or keys", async () => {
    const other = expectOk(await request("POST", "/api/sessions", { baseUrl: base, as: { apiKey: tenant.key }, json: { name: "other" } }), "other").body;
    expect((await v1("GET", `/webhook?sessionId=${other.sessionId}`)).status).toBe(404);
    expect(
      (await v1("POST", `/messages?sessionId=${other.sessionId}`, { json: { recipient_type: "individual", to: ALICE, type: "text", text: { body: "x" } } }))
        .status,
    ).toBe(404);
    expect((await v1("DELETE", `/sessions/${other.sessionId}`)).status).toBe(404);
    expect(
      (await request("POST", "/api/v1/sessions", { baseUrl: base, headers: { "X-Master-Key": token }, json: { sessionId: uniqueName("nope").slice(0, 30) } }))
        .status,
    ).toBe(403);
    expect((await request("POST", "/api/api-keys", { baseUrl: base, as: { bearer: token }, json: { name: "escape" } })).status).toBe(403);
    // Another tenant's master key does not see ours.
    const stranger = await registerTenant(base, "v1-stranger");
    expect((await v1("DELETE", `/sessions/${mySession}`, { token: stranger.key })).status).toBe(404);
    expect((await v1("GET", "/sessions", { token: stranger.key })).body).toEqual([]);
  });

  it("bad input is a 400 in its error shape naming the field", async () => {
    const res = await request("POST", "/api/v1/sessions", { baseUrl: base, headers: { "X-Master-Key": tenant.key }, json: { sessionId: "a b" } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: "error", message: expect.stringContaining("sessionId") });
    const dup = await request("POST", "/api/v1/sessions", { baseUrl: base, headers: { "X-Master-Key": tenant.key }, json: { sessionId: mySession } });
    expect(dup.status).toBe(409);
  });
});

describe("Campaign API messages", () => {
  it("a single text message reaches the contact", async () => {
    const res = await v1("POST", `/messages?sessionId=${mySession}`, {
      json: { recipient_type: "individual", to: ALICE, type: "text", text: { body: "Hello from the API!" } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "success", message: "Message queued for sending", to: ALICE, messageId: expect.any(String) });
    const got = await waitForReceived(base, tenant, ALICE, res.body.messageId, 30_000);
    expect(got.text).toBe("Hello from the API!");
  });

  it("a batch of mixed messages: each is answered and arrives", async () => {
    const res = await v1("POST", `/messages?sessionId=${mySession}`, {
      json: [
        { recipient_type: "individual", to: ALICE, type: "text", text: { body: "First message" } },
        { recipient_type: "individual", to: BOB, type: "image", image: { link: `${filesUrl}/200`, caption: "This is a test image." } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { to: ALICE, status: "success", messageId: expect.any(String) },
      { to: BOB, status: "success", messageId: expect.any(String) },
    ]);
    expect((await waitForReceived(base, tenant, ALICE, res.body.results[0].messageId, 30_000)).text).toBe("First message");
    const image = await waitForReceived(base, tenant, BOB, res.body.results[1].messageId, 30_000);
    expect(image.message.imageMessage.caption).toBe("This is a test image.");
  });

  it("POST /media then a document by its id", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const form = new FormData();
    form.append("file", new Blob([pdf], { type: "application/pdf" }), "report.pdf");
    const upload = await fetch(`${base}/api/v1/media`, { method: "POST", headers: { Authorization: `Bearer ${token}` }, body: form });
    const uploaded = await upload.json();
    expect(upload.status).toBe(201);
    expect(uploaded).toEqual({ status: "success", message: "File uploaded successfully.", mediaId: expect.any(String), url: expect.any(String) });
    const res = await v1("POST", `/messages?sessionId=${mySession}`, {
      json: {
        recipient_type: "individual",
        to: ALICE,
        type: "document",
        document: { id: uploaded.mediaId, mimetype: "application/pdf", filename: "Optional_filename.pdf" },
      },
    });
    expect(res.status).toBe(200);
    const got = await waitForReceived(base, tenant, ALICE, res.body.messageId, 30_000);
    expect(got.message.documentMessage.fileName).toBe("Optional_filename.pdf");

    const text = new FormData();
    text.append("file", new Blob(["just text"], { type: "text/plain" }), "a.txt");
    const refused = await fetch(`${base}/api/v1/media`, { method: "POST", headers: { Authorization: `Bearer ${token}` }, body: text });
    expect(refused.status).toBe(415);
    expect((await refused.json()).status).toBe("error");
  });

  it("bad message bodies are 400 naming the field", async () => {
    for (const [json, field] of [
      [{ recipient_type: "individual", to: ALICE, type: "text" }, "text"],
      [{ recipient_type: "someone", to: ALICE, type: "text", text: { body: "x" } }, "recipient_type"],
      [{ recipient_type: "individual", to: ALICE, type: "image", image: { caption: "no link" } }, "image"],
    ] as const) {
      const res = await v1("POST", `/messages?sessionId=${mySession}`, { json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.message).toContain(field);
    }
    expect((await v1("POST", "/messages", { json: { recipient_type: "individual", to: ALICE, type: "text", text: { body: "x" } } })).status).toBe(400);
  });

  it("DELETE /message deletes a sent message for the contact", async () => {
    const sent = expectOk(
      await v1("POST", `/messages?sessionId=${mySession}`, { json: { recipient_type: "individual", to: ALICE, type: "text", text: { body: "oops" } } }),
      "send",
    ).body;
    await waitForReceived(base, tenant, ALICE, sent.messageId, 30_000);
    const res = await v1("DELETE", "/message", { json: { sessionId: mySession, remoteJid: jidOf(ALICE), messageId: sent.messageId } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "success", message: "Message deleted." });
    await waitFor("the revoke at Alice", async () =>
      (await receivedBy(base, tenant, ALICE)).find((m) => m.message?.protocolMessage?.key?.id === sent.messageId),
    );
  });
});

describe("Campaign API webhook", () => {
  it("POST sets it, GET shows it, events arrive, DELETE removes it", async () => {
    const set = await v1("POST", "/webhook", { json: { sessionId: mySession, url: receiver.url } });
    expect(set.status).toBe(200);
    expect(set.body.status).toBe("success");
    expect((await v1("GET", `/webhook?sessionId=${mySession}`)).body).toEqual({ status: "success", sessionId: mySession, url: receiver.url });
    await contactSends(base, tenant, mySession, "hello webhook");
    await receiver.waitFor((all) => all.some((r) => r.body?.data?.text === "hello webhook"), "the incoming message");
    expect((await v1("DELETE", "/webhook", { json: { sessionId: mySession } })).body.status).toBe("success");
    expect((await v1("GET", `/webhook?sessionId=${mySession}`)).body.url).toBeNull();
    expect((await v1("POST", "/webhook", { json: { sessionId: mySession, url: "ftp://x" } })).status).toBe(400);
  });

  it("staff (no webhooks.manage) cannot set one: 403; unassigned staff's session is 404", async () => {
    const staffInput = {
      name: "Staff",
      username: uniqueName("v1staff"),
      email: `${uniqueName("v1staff")}@example.com`,
      password: "staff-password-1",
      role: "STAFF",
    };
    const staff = expectOk(await request("POST", "/api/users", { baseUrl: base, as: { apiKey: tenant.key }, json: staffInput }), "staff", 201).body;
    const login = expectOk(
      await request("POST", "/api/auth/login", { baseUrl: base, json: { username: staffInput.username, password: staffInput.password } }),
      "login",
    );
    const cookie = login.headers.get("set-cookie")!.split(";")[0];
    const key = expectOk(await request("POST", "/api/user/api-key", { baseUrl: base, as: { cookie } }), "staff key").body.apiKey;
    expect((await v1("POST", "/webhook", { token: key, json: { sessionId: mySession, url: receiver.url } })).status).toBe(403);
    expect(
      (
        await v1("POST", `/messages?sessionId=${mySession}`, {
          token: key,
          json: { recipient_type: "individual", to: ALICE, type: "text", text: { body: "x" } },
        })
      ).status,
    ).toBe(404);
    expect(
      (await request("POST", "/api/v1/sessions", { baseUrl: base, headers: { "X-Master-Key": key }, json: { sessionId: uniqueName("st").slice(0, 30) } }))
        .status,
    ).toBe(403);
    expect(staff.id).toEqual(expect.any(String));
  });
});

describe("Campaign API session delete", () => {
  it("DELETE /sessions/:sessionId with the token removes it", async () => {
    const extra = uniqueName("gone").slice(0, 30);
    const made = expectOk(
      await request("POST", "/api/v1/sessions", { baseUrl: base, headers: { "X-Master-Key": tenant.key }, json: { sessionId: extra } }),
      "create",
    ).body;
    const res = await v1("DELETE", `/sessions/${extra}`, { token: made.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "success", message: `Session ${extra} deleted.` });
    expect((await v1("GET", "/sessions", { token: tenant.key })).body.map((s: { sessionId: string }) => s.sessionId)).not.toContain(extra);
  });
});
