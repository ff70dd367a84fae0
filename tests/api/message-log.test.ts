// GET /api/messages/log: what was sent and received through a sandbox session, filtered and paged in
// the database, exported as CSV, scoped like every read (staff: assigned sessions; other tenants: none).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, login, newUserInput, request } from "../support/api-client";
import { ALICE, BOB, pairedSession, registerTenant, send, startSandboxGateway, type Tenant } from "../support/sandbox";
import { waitFor } from "../support/wait";

let gateway: TestServer;
let base: string;
let owner: Tenant;
let other: Tenant;
let sessionId: string;

interface LogRow {
  direction: "in" | "out";
  status: string;
  content: string | null;
  remoteJid: string;
  sessionId: string;
}
interface Log {
  messages: LogRow[];
  total: number;
  hasMore: boolean;
  page: number;
}

const log = (as: { cookie: string } | { apiKey: string }, query = "") => request<Log>("GET", `/api/messages/log${query}`, { baseUrl: base, as });

beforeAll(async () => {
  gateway = await startSandboxGateway();
  base = gateway.baseUrl;
  [owner, other] = await Promise.all([registerTenant(base), registerTenant(base)]);
  ({ sessionId } = await pairedSession(base, owner));
  const contactSends = (phone: string, text: string) =>
    request("POST", `/api/sandbox/contacts/${phone}/messages`, { baseUrl: base, as: { apiKey: owner.key }, json: { to: sessionId, text } }).then((r) =>
      expectOk(r, "contact writes"),
    );
  await contactSends(ALICE, "hello world");
  await contactSends(BOB, "=cmd|' /C calc'!A0");
  expectOk(await send(base, owner, { sessionId, jid: ALICE, message: { text: "reply, with a comma" } }), "reply");
  await waitFor("three logged messages", async () => (await log({ apiKey: owner.key })).body.total === 3);
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
});

describe("GET /api/messages/log", () => {
  it("lists the tenant's messages newest first, filtered by direction, text, contact and session", async () => {
    const all = expectOk(await log({ cookie: owner.cookie }), "all").body;
    expect(all.total).toBe(3);
    expect(all.messages.map((m) => m.content)).toContain("hello world");
    expect(all.messages.every((m) => m.sessionId === sessionId)).toBe(true);

    const received = expectOk(await log({ apiKey: owner.key }, "?direction=in"), "in").body;
    expect(received.total).toBe(2);
    expect(received.messages.every((m) => m.direction === "in")).toBe(true);

    expect(expectOk(await log({ apiKey: owner.key }, "?q=WORLD"), "text").body.messages.map((m) => m.content)).toEqual(["hello world"]);
    expect(expectOk(await log({ apiKey: owner.key }, `?contact=${BOB}`), "contact").body.total).toBe(1);
    expect(expectOk(await log({ apiKey: owner.key }, `?sessionId=${sessionId}&direction=out`), "session").body.messages.map((m) => m.content)).toEqual([
      "reply, with a comma",
    ]);
    expect(expectOk(await log({ apiKey: owner.key }, "?period=today&tz=Asia%2FJakarta"), "today").body.total).toBeGreaterThanOrEqual(0);
    // Empty values (a form's "Any") mean "not filtered".
    expect(expectOk(await log({ apiKey: owner.key }, "?direction=&status=&q="), "empty filters").body.total).toBe(3);
  });

  it("exports CSV with every matching row, quoted, and formula-looking text neutralised", async () => {
    const res = await log({ apiKey: owner.key }, "?format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="wagate-messages-/);
    const lines = res.text.trim().split("\r\n");
    expect(lines[0]).toBe("time,session,session_id,direction,status,contact,contact_name,type,text,failure");
    expect(lines).toHaveLength(4);
    expect(res.text).toContain('"reply, with a comma"');
    expect(res.text).toContain("'=cmd|");
    expect(res.text).not.toMatch(/,=cmd/);
  });

  it("another tenant sees none of it, even naming the session", async () => {
    expect(expectOk(await log({ apiKey: other.key }), "other").body).toMatchObject({ total: 0, messages: [] });
    expect(expectOk(await log({ apiKey: other.key }, `?sessionId=${sessionId}`), "other, by session").body.total).toBe(0);
    const csv = await log({ apiKey: other.key }, "?format=csv");
    expect(csv.text.trim().split("\r\n")).toHaveLength(1);
  });

  it("staff see only their assigned sessions' messages", async () => {
    const input = newUserInput("logstaff");
    const staff = expectOk(await request("POST", "/api/users", { baseUrl: base, as: { apiKey: owner.key }, json: input }), "create staff", 201).body;
    const cookie = await login(input.username, input.password, base);
    expect(expectOk(await log({ cookie }), "unassigned").body.total).toBe(0);
    expectOk(
      await request("PUT", `/api/users/${staff.id}/sessions`, { baseUrl: base, as: { apiKey: owner.key }, json: { sessionIds: [sessionId] } }),
      "assign",
    );
    expect(expectOk(await log({ cookie }), "assigned").body.total).toBe(3);
  });

  it.each([
    ["?direction=sideways", "direction"],
    ["?status=LOST", "status"],
    ["?page=0", "page"],
    ["?period=forever", "period"],
    ["?tz=Nowhere%2FCity", "tz"],
    ["?owner=x", ""],
  ])("answers 400 for %s, naming the field", async (query, field) => {
    const res = await request<{ error: string; issues: { path: string }[] }>("GET", `/api/messages/log${query}`, { baseUrl: base, as: { apiKey: owner.key } });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual(expect.any(String));
    if (field) expect(res.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
  });

  it("answers 401 without credentials", async () => {
    expect((await request("GET", "/api/messages/log", { baseUrl: base, as: null })).status).toBe(401);
  });
});
