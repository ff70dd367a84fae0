// Issue 3 and 4 through the whole gateway: a sandbox gateway pairs a session through its API, the
// session's events reach its owner's Socket.io client and nobody else's, and after the process is
// stopped — gracefully or killed — a new process on the same data reconnects it without a QR.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { baseUrl, expectOk, request, uniqueName } from "../support/api-client";
import { joinSession, pairedSession, registerTenant, socketFor, startSandboxGateway, waitForSessionStatus } from "../support/sandbox";

let gateway: TestServer;

beforeAll(async () => {
  gateway = await startSandboxGateway();
});
afterAll(async () => {
  await gateway?.stop();
});

describe("sandbox mode", () => {
  it("pairs a session by QR through the API and keeps its events inside the tenant", async () => {
    const base = gateway.baseUrl;
    const alice = await registerTenant(base, "sb");
    const mallory = await registerTenant(base, "sb");
    const session = expectOk(await request("POST", "/api/sessions", { baseUrl: base, as: { apiKey: alice.key }, json: { name: "Shop" } }), "create").body;

    const aliceSocket = await socketFor(base, alice.key);
    const mallorySocket = await socketFor(base, mallory.key);
    try {
      expect(await joinSession(aliceSocket, session.sessionId)).toEqual({ ok: true, sessionId: session.sessionId });
      expect(await joinSession(mallorySocket, session.sessionId)).toEqual({ ok: false, error: "Session not found" });
      const seenByMallory: string[] = [];
      mallorySocket.onAny((event) => seenByMallory.push(event));
      const qrEvent = new Promise<{ sessionId: string; qr: string }>((resolve) => aliceSocket.once("qr", resolve));

      // A staff member assigned to the session follows it, but never sees its QR codes.
      const staff = expectOk(
        await request("POST", "/api/users", {
          baseUrl: base,
          as: { apiKey: alice.key },
          json: { name: "Desk", email: `${uniqueName("desk")}@example.com`, username: uniqueName("desk"), password: "password-123" },
        }),
        "staff",
        201,
      ).body;
      expectOk(
        await request("PUT", `/api/users/${staff.id}/sessions`, { baseUrl: base, as: { apiKey: alice.key }, json: { sessionIds: [session.sessionId] } }),
        "assign",
      );
      const staffCookie = (await request("POST", "/api/auth/login", { baseUrl: base, json: { username: staff.username, password: "password-123" } })).headers
        .get("set-cookie")!
        .split(";")[0];
      const staffKey = expectOk(await request("POST", "/api/user/api-key", { baseUrl: base, as: { cookie: staffCookie } }), "staff key").body.apiKey as string;
      const staffSocket = await socketFor(base, staffKey);
      const seenByStaff: Array<[string, Record<string, unknown>]> = [];
      staffSocket.onAny((event, data) => seenByStaff.push([event, data]));
      expect(await joinSession(staffSocket, session.sessionId)).toEqual({ ok: true, sessionId: session.sessionId });

      const connected = expectOk(
        await request("POST", `/api/sessions/${session.sessionId}/connect`, { baseUrl: base, as: { apiKey: alice.key } }),
        "connect",
      ).body;
      expect(connected.status).toBe("QR");
      expect(connected.state).toBe("qr_ready");
      expect(connected.qr).toMatch(/^data:image\/png;base64,/);
      expect((await qrEvent).sessionId).toBe(session.sessionId);
      const staffView = expectOk(await request("GET", `/api/sessions/${session.sessionId}`, { baseUrl: base, as: { apiKey: staffKey } }), "staff view").body;
      expect(staffView).toMatchObject({ status: "QR", qr: null });
      expect((await request("GET", "/api/sessions", { baseUrl: base, as: { apiKey: staffKey } })).body[0].qr).toBeNull();

      const png = await fetch(`${base}/api/sessions/${session.sessionId}/qr/image`, { headers: { "X-API-Key": alice.key } });
      expect(png.headers.get("content-type")).toBe("image/png");
      expect(
        Buffer.from(await png.arrayBuffer())
          .subarray(1, 4)
          .toString(),
      ).toBe("PNG");
      // Another tenant cannot see or scan it.
      expect((await request("GET", `/api/sessions/${session.sessionId}/qr`, { baseUrl: base, as: { apiKey: mallory.key } })).status).toBe(404);
      expect((await request("POST", `/api/sandbox/sessions/${session.sessionId}/scan`, { baseUrl: base, as: { apiKey: mallory.key }, json: {} })).status).toBe(
        404,
      );

      const open = new Promise<{ status: string }>((resolve) =>
        aliceSocket.on("connection.update", (u: { status: string }) => u.status === "CONNECTED" && resolve(u)),
      );
      const scanned = expectOk(
        await request("POST", `/api/sandbox/sessions/${session.sessionId}/scan`, { baseUrl: base, as: { apiKey: alice.key }, json: {} }),
        "scan",
      ).body;
      expect(scanned.status).toBe("CONNECTED");
      await open;
      // The staff member saw the status change, but no QR code in any event.
      expect(seenByStaff.some(([event, data]) => event === "connection.update" && data.status === "QR")).toBe(true);
      expect(seenByStaff.filter(([event, data]) => event === "qr" || typeof data.qr === "string")).toEqual([]);
      staffSocket.close();
      const status = await waitForSessionStatus(base, alice, session.sessionId, "CONNECTED");
      expect(status.phoneNumber).toBe(scanned.phone);

      // The echo contact answers; the answer reaches Alice's socket and store, and no one else's.
      const incoming = new Promise<{ text: string; fromMe: boolean }>((resolve) =>
        aliceSocket.on("message", (m: { text: string; fromMe: boolean }) => m.text === "ping from the echo bot" && resolve(m)),
      );
      expectOk(
        await request("POST", "/api/sandbox/contacts/15550100001/messages", {
          baseUrl: base,
          as: { apiKey: alice.key },
          json: { to: session.sessionId, text: "ping from the echo bot" },
        }),
        "contact sends",
      );
      expect((await incoming).fromMe).toBe(false);
      expect(seenByMallory).toEqual([]);
      const log = expectOk(await request("GET", `/api/sessions/${session.sessionId}/events`, { baseUrl: base, as: { apiKey: alice.key } }), "events").body;
      expect(log.some((e: { event: string; data: { text?: string } }) => e.event === "message" && e.data.text === "ping from the echo bot")).toBe(true);
      expect((await request("GET", `/api/sessions/${session.sessionId}/events`, { baseUrl: base, as: { apiKey: mallory.key } })).status).toBe(404);
      // A contact cannot be made to message another tenant's session.
      expect(
        (
          await request("POST", "/api/sandbox/contacts/15550100001/messages", {
            baseUrl: base,
            as: { apiKey: mallory.key },
            json: { to: session.sessionId, text: "x" },
          })
        ).status,
      ).toBe(400);
    } finally {
      aliceSocket.close();
      mallorySocket.close();
    }
  });
});

describe("restarts", () => {
  // Two gateway processes start in each case (about 12 s each on an idle machine), so this gets the
  // budget of the other restart tests (webhooks-crash, chat-crash) rather than the default 30 s.
  it.each([
    ["stopped gracefully", (g: TestServer) => g.stop({ keep: true })],
    ["killed", (g: TestServer) => g.kill()],
  ])("a paired session is CONNECTED again without a QR after the gateway was %s", { timeout: 120_000 }, async (_how, stopIt) => {
    const first = await startSandboxGateway();
    const alice = await registerTenant(first.baseUrl, "sb");
    const session = await pairedSession(first.baseUrl, alice, { name: "Durable" });
    await stopIt(first);
    const restartedAt = new Date().toISOString();

    const second = await startSandboxGateway({}, first.state);
    try {
      const status = await waitForSessionStatus(second.baseUrl, alice, session.sessionId, "CONNECTED");
      expect(status.history[0]).toMatchObject({ status: "CONNECTED" });
      const events = expectOk(
        await request("GET", `/api/sessions/${session.sessionId}/events`, { baseUrl: second.baseUrl, as: { apiKey: alice.key } }),
        "events",
      ).body;
      // Events are durable, so the log still holds the first pairing; none since the restart is a QR.
      const sinceRestart = events.filter((e: { timestamp: string }) => e.timestamp > restartedAt);
      expect(sinceRestart.map((e: { event: string }) => e.event)).not.toContain("qr");
      expect(sinceRestart.some((e: { event: string; data: { status?: string } }) => e.event === "connection.update" && e.data.status === "CONNECTED")).toBe(
        true,
      );
      expect(
        events.some((e: { event: string }) => e.event === "qr"),
        "the first pairing's QR is still in the durable log",
      ).toBe(true);
    } finally {
      await second.stop();
    }
  });
});

describe("outside sandbox mode", () => {
  it("the sandbox endpoints do not exist", async () => {
    const { cookie } = await registerTenant(baseUrl(), "sb");
    for (const [method, path] of [
      ["GET", "/api/sandbox/contacts"],
      ["POST", "/api/sandbox/sessions/abc123/scan"],
      ["POST", "/api/sandbox/sessions/abc123/fault"],
    ] as const) {
      const res = await request(method, path, { as: { cookie }, json: method === "POST" ? (path.endsWith("fault") ? { kind: "drop" } : {}) : undefined });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
  });
});
