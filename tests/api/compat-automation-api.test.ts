// Issue 14, Automation API: gst on the profile, and its WhatsApp client endpoints on the user's
// default session, written from its document's examples against a sandbox gateway (cookie auth).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request, sessionCookieFrom, uniqueName } from "../support/api-client";
import { startSandboxGateway } from "../support/sandbox";
import { until } from "../support/wait";

let gateway: TestServer;
let base: string;
let cookie: string;

beforeAll(async () => {
  gateway = await startSandboxGateway();
  base = gateway.baseUrl;
});
afterAll(async () => {
  await gateway?.stop();
});

describe("Automation API", () => {
  it("register keeps gst on the profile", async () => {
    const username = uniqueName("johndoe");
    const res = await request("POST", "/api/auth/register", {
      baseUrl: base,
      json: { name: "John Doe", phone: "+1234567890", email: `${username}@example.com`, username, password: "securePassword123", gst: "GST12345" },
    });
    expect(res.status).toBe(200);
    cookie = sessionCookieFrom(res)!;
    const me = expectOk(await request("GET", "/api/users/me", { baseUrl: base, as: { cookie } }), "me").body;
    expect(me).toMatchObject({ name: "John Doe", username, phone: "+1234567890", gst: "GST12345" });
  });

  it("createqr points at a QR image served by this gateway; scanning makes status authenticated", async () => {
    const before = expectOk(await request("GET", "/api/whatsapp/status", { baseUrl: base, as: { cookie } }), "status").body;
    expect(before).toMatchObject({ status: "disconnected", phoneNumber: null });
    const res = expectOk(await request("GET", "/api/whatsapp/createqr", { baseUrl: base, as: { cookie } }), "createqr").body;
    expect(res.qrCodeUrl.startsWith(`${new URL(base).origin}/api/sessions/`)).toBe(true);
    expect(res.qrCodeUrl).not.toContain("qrserver");
    const image = await until(
      () => fetch(res.qrCodeUrl, { headers: { Cookie: cookie } }),
      (r) => r.status === 200,
      "the QR image",
    );
    expect(image.headers.get("content-type")).toBe("image/png");
    expect((await fetch(res.qrCodeUrl)).status).toBe(401);

    expectOk(await request("POST", `/api/sandbox/sessions/${res.sessionId}/scan`, { baseUrl: base, as: { cookie }, json: {} }), "scan");
    const after = await until(
      () => request("GET", "/api/whatsapp/status", { baseUrl: base, as: { cookie } }),
      (r) => r.body?.status === "authenticated",
      "authenticated",
    );
    expect(after.body).toMatchObject({ status: "authenticated", phoneNumber: expect.stringMatching(/^\+\d+$/) });
    expect(after.body).toHaveProperty("name");
    // The same default session, not a new one per call.
    expect(expectOk(await request("GET", "/api/whatsapp/createqr", { baseUrl: base, as: { cookie } }), "again").body).toMatchObject({
      qrCodeUrl: null,
      status: "authenticated",
      sessionId: res.sessionId,
    });
  });

  it("needs a signed-in user", async () => {
    expect((await request("GET", "/api/whatsapp/status", { baseUrl: base })).status).toBe(401);
    expect((await request("GET", "/api/whatsapp/createqr", { baseUrl: base })).status).toBe(401);
  });
});
