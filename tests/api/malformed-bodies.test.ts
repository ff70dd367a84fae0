// Every endpoint that reads a body answers a malformed one with 400 and { "error": "..." }, never
// a 500; the two POSTs that take no body ignore whatever is sent.
import { beforeAll, describe, expect, it } from "vitest";
import { type Actor, type Credentials, createSession, createStaff, registerOwner, request } from "../support/api-client";
import { declaredEndpoints, isPendingEndpoint } from "../support/declared-endpoints";

let owner: Actor;
let staffId: string;
let sessionId: string;
beforeAll(async () => {
  owner = await registerOwner("malformed");
  sessionId = (await createSession({ cookie: owner.cookie }, "Malformed")).sessionId;
  staffId = (await createStaff(owner, [sessionId])).id;
});

/** Endpoints that parse a body, with a caller allowed to call them. */
const WITH_BODY: Record<string, () => { path: string; as: Credentials }> = {
  "POST /api/auth/register": () => ({ path: "/api/auth/register", as: null }),
  "POST /api/auth/login": () => ({ path: "/api/auth/login", as: null }),
  "POST /api/sessions": () => ({ path: "/api/sessions", as: { cookie: owner.cookie } }),
  "PATCH /api/sessions/:id": () => ({ path: `/api/sessions/${sessionId}`, as: { cookie: owner.cookie } }),
  "PATCH /api/sessions/:id/settings": () => ({ path: `/api/sessions/${sessionId}/settings`, as: { apiKey: owner.apiKey } }),
  "POST /api/users": () => ({ path: "/api/users", as: { cookie: owner.cookie } }),
  "PATCH /api/users/:id": () => ({ path: `/api/users/${staffId}`, as: { cookie: owner.cookie } }),
  "PUT /api/users/:id/sessions": () => ({ path: `/api/users/${staffId}/sessions`, as: { apiKey: owner.apiKey } }),
  "PATCH /api/users/me": () => ({ path: "/api/users/me", as: { cookie: owner.cookie } }),
};

/** Writes without a body: what is sent is not read. */
const WITHOUT_BODY = ["POST /api/user/api-key", "POST /api/auth/logout", "POST /api/sessions/:id/logout"];

const MALFORMED: Array<[string, string]> = [
  ["not JSON", '{"name": "unterminated'],
  ["a JSON array", "[]"],
  ["JSON null", "null"],
  ["a JSON number", "42"],
  ["a JSON string", '"hello"'],
  ["an object of wrong types", '{"name": {"deep": true}, "email": 1, "username": [], "password": false, "config": 3, "sessionIds": "x", "phone": 5}'],
  ["an object of unknown fields", '{"surprise": true}'],
];

describe("malformed request bodies", () => {
  it("the lists above name every write endpoint", () => {
    const writes = declaredEndpoints().filter((e) => /^(POST|PUT|PATCH) /.test(e) && !isPendingEndpoint(e));
    expect(writes.filter((e) => !(e in WITH_BODY) && !WITHOUT_BODY.includes(e))).toEqual([]);
  });

  const cases = Object.keys(WITH_BODY).flatMap((endpoint) => MALFORMED.map(([what, raw]) => [endpoint, what, raw] as const));
  it.each(cases)("%s with %s → 400 { error }", async (endpoint, _what, raw) => {
    const { path, as } = WITH_BODY[endpoint]();
    const res = await request(endpoint.split(" ")[0], path, { as, rawBody: raw });
    expect(res.status, `${endpoint} answered ${res.status} ${res.text.slice(0, 200)}`).toBe(400);
    expect(res.contentType).toContain("application/json");
    expect(res.body).toEqual({ error: expect.any(String) });
    expect(res.body.error.length).toBeGreaterThan(0);
  });

  it.each(WITHOUT_BODY)("%s ignores a malformed body (no 500)", async (endpoint) => {
    const actor = await registerOwner("nobody");
    let path = endpoint.split(" ")[1];
    if (path.includes(":id")) path = path.replace(":id", (await createSession({ cookie: actor.cookie }, "Bodyless")).sessionId);
    const res = await request("POST", path, { as: { cookie: actor.cookie }, rawBody: '{"broken' });
    expect(res.status).toBe(200);
    expect(res.contentType).toContain("application/json");
  });

  it("nothing was changed by all those requests", async () => {
    const session = await request("GET", `/api/sessions/${sessionId}`, { as: { cookie: owner.cookie } });
    expect(session.body).toMatchObject({ name: "Malformed", status: "DISCONNECTED" });
    const me = await request("GET", "/api/users/me", { as: { apiKey: owner.apiKey } });
    expect(me.body).toMatchObject({ id: owner.id, name: owner.name });
    const assigned = await request("GET", `/api/users/${staffId}/sessions`, { as: { cookie: owner.cookie } });
    expect(assigned.body.map((s: { sessionId: string }) => s.sessionId)).toEqual([sessionId]);
  });
});
