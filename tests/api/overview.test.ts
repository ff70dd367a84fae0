// GET /api/overview: the figures count what was really sent and received through a sandbox session,
// scoped like every read (owner: their tenant; staff: assigned sessions only; another tenant: none).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, login, newUserInput, request } from "../support/api-client";
import { ALICE, pairedSession, registerTenant, send, startSandboxGateway, type Tenant } from "../support/sandbox";
import { waitFor } from "../support/wait";

let gateway: TestServer;
let base: string;
let owner: Tenant;
let other: Tenant;
let sessionId: string;
/** This file's gateway's first superadmin. */
const OVERVIEW_ADMIN = { email: "overview-admin@test.local", password: "overview-admin-password" };

interface Overview {
  sessions: { online: number; total: number };
  messagesToday: { in: number; out: number };
  failedSends24h: number;
  failedWebhookDeliveries24h: number | null;
  volume: {
    days: string[];
    hours: string[];
    byDay: { id: string; sessionId: string; direction: string; count: number }[];
    byHour: { id: string; sessionId: string; direction: string; count: number }[];
  };
  health: { id: string; sessionId: string; status: string; lastMessageAt: string | null; reconnects24h: number }[];
}

const overview = async (as: { cookie: string } | { apiKey: string }, query = "") => request<Overview>("GET", `/api/overview${query}`, { baseUrl: base, as });

beforeAll(async () => {
  gateway = await startSandboxGateway({ ADMIN_EMAIL: OVERVIEW_ADMIN.email, ADMIN_PASSWORD: OVERVIEW_ADMIN.password });
  base = gateway.baseUrl;
  [owner, other] = await Promise.all([registerTenant(base), registerTenant(base)]);
  ({ sessionId } = await pairedSession(base, owner));
  expectOk(await request("POST", "/api/sessions", { baseUrl: base, as: { apiKey: owner.key }, json: { name: "Idle line" } }), "second session");
  for (const text of ["one", "two"]) {
    expectOk(
      await request("POST", `/api/sandbox/contacts/${ALICE}/messages`, { baseUrl: base, as: { apiKey: owner.key }, json: { to: sessionId, text } }),
      "alice writes",
    );
  }
  expectOk(await send(base, owner, { sessionId, jid: ALICE, message: { text: "reply" } }), "reply");
  await waitFor("messages to be stored", async () => {
    const res = await overview({ apiKey: owner.key });
    return res.body.messagesToday.in === 2 && res.body.messagesToday.out === 1;
  });
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
});

describe("GET /api/overview", () => {
  it("counts the owner's sessions and today's messages in the viewer's time zone", async () => {
    const res = expectOk(await overview({ cookie: owner.cookie }, "?tz=Asia%2FJakarta"), "overview");
    expect(res.body.sessions).toEqual({ online: 1, total: 2 });
    expect(res.body.messagesToday).toEqual({ in: 2, out: 1 });
    expect(res.body.failedSends24h).toBe(0);
    expect(res.body.failedWebhookDeliveries24h).toBe(0);
    expect(res.body.volume.days).toHaveLength(7);
    expect(res.body.volume.hours).toHaveLength(24);
    const mine = res.body.volume.byDay.filter((r) => r.sessionId === sessionId);
    expect(mine.reduce((n, r) => n + r.count, 0)).toBe(3);
    const health = res.body.health.find((h) => h.sessionId === sessionId)!;
    expect(health.status).toBe("CONNECTED");
    expect(health.lastMessageAt).not.toBeNull();
  });

  it("another tenant sees none of it", async () => {
    const res = expectOk(await overview({ apiKey: other.key }), "other tenant");
    expect(res.body.sessions).toEqual({ online: 0, total: 0 });
    expect(res.body.messagesToday).toEqual({ in: 0, out: 0 });
    expect(res.body.health).toEqual([]);
    expect(res.body.volume.byDay).toEqual([]);
  });

  it("staff see only their assigned sessions and no webhook figures", async () => {
    const input = newUserInput("ovstaff");
    const staff = expectOk(await request("POST", "/api/users", { baseUrl: base, as: { apiKey: owner.key }, json: input }), "create staff", 201).body;
    const cookie = await login(input.username, input.password, base);
    const unassigned = expectOk(await overview({ cookie }), "unassigned staff");
    expect(unassigned.body.sessions.total).toBe(0);
    expect(unassigned.body.messagesToday).toEqual({ in: 0, out: 0 });
    expect(unassigned.body.failedWebhookDeliveries24h).toBeNull();

    expectOk(
      await request("PUT", `/api/users/${staff.id}/sessions`, { baseUrl: base, as: { apiKey: owner.key }, json: { sessionIds: [sessionId] } }),
      "assign",
    );
    const assigned = expectOk(await overview({ cookie }), "assigned staff");
    expect(assigned.body.sessions).toEqual({ online: 1, total: 1 });
    expect(assigned.body.messagesToday).toEqual({ in: 2, out: 1 });
  });

  it("answers 400 naming the field for an unknown time zone or parameter", async () => {
    const bad = await overview({ apiKey: owner.key }, "?tz=Mars%2FOlympus");
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: expect.stringMatching(/^tz\b/), issues: [{ path: "tz", message: expect.stringMatching(/time zone/) }] });
    const unknown = await overview({ apiKey: owner.key }, "?tenant=x");
    expect(unknown.status).toBe(400);
  });

  it("gives a superadmin each tenant's session of the same sessionId with its own figures", async () => {
    // Public sessionIds are unique per owner only: figures keyed by them once gave the other
    // tenant's idle "twin" the busy session's last message.
    expectOk(await request("POST", "/api/sessions", { baseUrl: base, as: { apiKey: other.key }, json: { name: "Twin", sessionId } }), "twin");
    const cookie = await login(OVERVIEW_ADMIN.email, OVERVIEW_ADMIN.password, base);
    const res = expectOk(await overview({ cookie }), "superadmin overview");
    const twins = res.body.health.filter((h) => h.sessionId === sessionId);
    expect(twins.map((h) => h.status).sort()).toEqual(["CONNECTED", "DISCONNECTED"]);
    expect(twins.find((h) => h.status === "CONNECTED")!.lastMessageAt).not.toBeNull();
    expect(twins.find((h) => h.status === "DISCONNECTED")!.lastMessageAt).toBeNull();
    // The chart's volume rows name their session by its internal id: the busy twin's messages are
    // all its own, and the idle twin has none (both share the sessionId the rows also carry).
    const [busy, idle] = ["CONNECTED", "DISCONNECTED"].map((status) => twins.find((h) => h.status === status)!);
    expect(busy.id).not.toBe(idle.id);
    for (const rows of [res.body.volume.byDay, res.body.volume.byHour]) {
      const twinRows = rows.filter((r) => r.sessionId === sessionId);
      expect(twinRows.length).toBeGreaterThan(0);
      expect(twinRows.every((r) => r.id === busy.id)).toBe(true);
      expect(twinRows.reduce((n, r) => n + r.count, 0)).toBe(3); // two in, one out
    }
  });

  it("answers 401 without credentials", async () => {
    const res = await request("GET", "/api/overview", { baseUrl: base, as: null });
    expect(res.status).toBe(401);
  });
});
