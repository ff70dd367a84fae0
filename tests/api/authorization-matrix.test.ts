// Every API endpoint × every kind of caller × both credential types, against a real gateway in
// sandbox mode (sessions really paired to the emulated WhatsApp network, so every endpoint does its
// real work). The endpoints come from the route files (tests/support/declared-endpoints.ts); what
// each one expects and how it is called come from tests/support/endpoint-fixtures.ts. An endpoint
// without an entry there fails here, saying what to add.
//
//   401  no credentials, or stale ones (a deleted user's cookie, a revoked API key)
//   403  authenticated, but the role lacks the permission (checked before any lookup)
//   404  the resource belongs to another tenant, or is a session not assigned to the staff member
//   200/201 otherwise
//
// Writes check their effect too (`check` in the table): an allowed write changed the resource, a
// refused one left it as it was. Cells run concurrently; destructive ones bring their own resource.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../scripts/serve-test.mjs";
import { type Actor, adminCredentials, as, createApiKey, createStaff, expectOk, registerOwner, request, useGateway } from "../support/api-client";
import { declaredEndpoints } from "../support/declared-endpoints";
import {
  CALLERS,
  COLUMNS,
  type Cell,
  ENDPOINT_FIXTURES,
  EXTRA_ROWS,
  type Fixture,
  type World,
  actorOf,
  buildWorld,
  missingFixtureMessage,
  startFileServer,
} from "../support/endpoint-fixtures";
import { inject } from "vitest";

let gateway: TestServer;
let files: Awaited<ReturnType<typeof startFileServer>>;
let w: World;

beforeAll(async () => {
  const started = Date.now();
  files = await startFileServer();
  gateway = await startTestServer({
    env: {
      WA_MODE: "sandbox",
      WA_CONNECT_WAIT_MS: "10000",
      ALLOW_PRIVATE_NETWORK_URLS: "true",
      DEFAULT_COUNTRY_CODE: "1",
      ADMIN_EMAIL: inject("adminEmail"),
      ADMIN_PASSWORD: inject("adminPassword"),
      WEBHOOK_TIMEOUT_MS: "2000",
      LOGIN_MAX_ATTEMPTS_PER_IP: "1000",
    },
  });
  useGateway(gateway.baseUrl);
  w = await buildWorld(gateway.baseUrl, files.url);
  console.log(`[matrix] sandbox gateway and world ready in ${Date.now() - started} ms`);
}, 180_000);

afterAll(async () => {
  await gateway?.stop();
  await files?.close();
});

const declared = declaredEndpoints();
const rows: Array<[string, Fixture | undefined]> = [
  ...declared.map((e) => [e, ENDPOINT_FIXTURES[e]] as [string, Fixture | undefined]),
  ...Object.entries(EXTRA_ROWS),
];

function cells(): Cell[] {
  const out: Cell[] = [];
  for (const [endpoint, fixture] of rows) {
    if (!fixture) continue;
    COLUMNS.forEach((caller, i) => {
      const vias = caller === "anonymous" ? [null] : (["apiKey", "cookie"] as const);
      for (const via of vias) {
        const e = fixture.expect[i];
        out.push({ endpoint, caller, via, expected: typeof e === "number" ? e : e[via ?? "cookie"], n: out.length });
      }
    });
  }
  return out;
}

const label = (c: Cell) => `${c.endpoint} | ${c.caller} (${CALLERS[c.caller]})${c.via ? ` via ${c.via}` : ""} → ${c.expected}`;

describe("authorization matrix: coverage", () => {
  it("finds the route files", () => {
    expect(declared.length).toBeGreaterThan(60);
  });

  // One test per endpoint without an entry, named after it, so the failure says what to add.
  const missing = declared.filter((e) => !ENDPOINT_FIXTURES[e]);
  it.each(missing.length ? missing : ["(none)"])("%s has an entry in tests/support/endpoint-fixtures.ts", (endpoint) => {
    if (endpoint === "(none)") return;
    expect.fail(missingFixtureMessage(endpoint));
  });

  it("has no entry for an endpoint that does not exist (a renamed or removed route)", () => {
    expect(Object.keys(ENDPOINT_FIXTURES).filter((e) => !declared.includes(e))).toEqual([]);
  });
});

describe.concurrent("authorization matrix", () => {
  it.each(cells().map((c) => [label(c), c] as const))("%s", async (name, cell) => {
    const fixture = ENDPOINT_FIXTURES[cell.endpoint] ?? EXTRA_ROWS[cell.endpoint];
    const actor = actorOf(w, cell.caller);
    const credentials = actor && cell.via ? as(actor, cell.via) : null;
    const call = await fixture.request({ w, cell, actor, as: credentials, allowed: cell.expected < 300 });
    const method = cell.endpoint.split(" ")[0];
    // A cookie caller is a browser on our own pages: its writes carry our Origin (lib/api/with-auth.ts).
    const headers: Record<string, string> = cell.via === "cookie" && method !== "GET" ? { Origin: w.base } : {};
    if (call.raw) headers["Content-Type"] = call.raw.type;
    const res = await request(method, call.path, {
      as: call.as !== undefined ? call.as : credentials,
      json: call.json,
      form: call.form,
      rawBody: call.raw?.body,
      headers,
    });
    expect(res.status, `${name}: got ${res.status} ${res.text.slice(0, 300)}`).toBe(cell.expected);
    const ok = res.status < 300;
    if (!ok) {
      expect(res.contentType, `${name}: answers JSON`).toContain("application/json");
      expect(typeof res.body?.error, `${name}: an error answer carries { error }`).toBe("string");
    }
    await call.check?.(res, ok);
  });
});

// The stale caller only means something if its credentials once worked: prove they did.
describe("the stale caller's credentials", () => {
  it("belonged to a user who could act before being deleted", async () => {
    const owner: Actor = await registerOwner("staleproof");
    const staff = await createStaff(owner);
    expect((await request("GET", "/api/users/me", { as: { cookie: staff.cookie } })).status).toBe(200);
    expect((await request("GET", "/api/users/me", { as: { apiKey: staff.apiKey } })).status).toBe(200);
    expectOk(await request("DELETE", `/api/users/${staff.id}`, { as: { cookie: owner.cookie } }), "delete staff");
    expect((await request("GET", "/api/users/me", { as: { cookie: staff.cookie } })).status).toBe(401);
    expect((await request("GET", "/api/users/me", { as: { apiKey: staff.apiKey } })).status).toBe(401);
    // A key of a user that still exists, once rotated, is stale in the same way.
    const oldKey = owner.apiKey;
    await createApiKey({ cookie: owner.cookie });
    expect((await request("GET", "/api/users/me", { as: { apiKey: oldKey } })).status).toBe(401);
    expect(await adminCredentials()).toBeTruthy();
  });
});
