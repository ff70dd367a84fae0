// The generated fuzz suite: every endpoint the route files declare (tests/support/declared-endpoints.ts)
// gets broken input — in its path, its query and its body — built from the valid request its entry
// in tests/support/endpoint-fixtures.ts makes, and must never answer 5xx; every 4xx carries
// `{ "error": "..." }`. Runs against its own sandbox gateway, so handlers that talk to WhatsApp are
// reached with a really connected session. (An endpoint without an entry fails the matrix suite.)
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestServer, type TestServer } from "../../scripts/serve-test.mjs";
import { type ApiResponse, request, useGateway } from "../support/api-client";
import { declaredEndpoints } from "../support/declared-endpoints";
import { type Call, ENDPOINT_FIXTURES, type World, actorOf, buildWorld, startFileServer } from "../support/endpoint-fixtures";

let gateway: TestServer;
let files: Awaited<ReturnType<typeof startFileServer>>;
let w: World;

beforeAll(async () => {
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
      LOGIN_MAX_ATTEMPTS_PER_IP: "100000",
      LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: "100000",
    },
  });
  useGateway(gateway.baseUrl);
  w = await buildWorld(gateway.baseUrl, files.url);
}, 180_000);

afterAll(async () => {
  await gateway?.stop();
  await files?.close();
});

const DEEP = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);
const HUGE = "x".repeat(100_000);

/** Bodies that are broken whatever the endpoint expects. */
const BROKEN_BODIES: Array<[string, string]> = [
  ["invalid JSON", '{"name": "unterminated'],
  ["a JSON array", "[]"],
  ["JSON null", "null"],
  ["a JSON number", "42"],
  ["a JSON string", '"hello"'],
  ["JSON nested 5,000 deep", DEEP(5000)],
  ["metadata nested 5,000 deep", `{"metadata":${DEEP(5000)}}`],
  ["a NUL byte in a string", '{"name":"a\\u0000b","text":"\\u0000"}'],
  ["a lone surrogate", '{"name":"\\ud800","text":"x\\udc00"}'],
  ["unknown fields", '{"surprise":true,"__proto__":{"admin":true}}'],
];

/** Replacements for one field of a valid body. */
const FIELD_MUTATIONS: Array<[string, unknown]> = [
  ["an object", { deep: { deeper: true } }],
  ["a number", 12345],
  ["an array", []],
  ["a boolean", true],
  ["null", null],
  ["a huge string", HUGE],
  ["a NUL string", "a\u0000b"],
  ["a lone surrogate", "\ud800"],
];

/** Path segments that must be a 4xx wherever a parameter goes. */
const BROKEN_SEGMENTS: Array<[string, string]> = [
  ["%ff (not UTF-8)", "%ff"],
  ["%00 (NUL)", "x%00y"],
  ["an encoded lone surrogate", "%ED%A0%80"],
  ["a 5,000-character id", "a".repeat(5000)],
  ["an encoded slash and dots", "..%2f..%2fetc"],
];

const BROKEN_QUERIES = ["?x=%00", "?limit=%ff&cursor=a%00b&type=%ED%A0%80", `?limit=${"9".repeat(400)}&offset=-1`, "?limit=1&limit=2&limit=abc"];

interface Problem {
  what: string;
  res: ApiResponse;
}

function problemOf(what: string, res: ApiResponse): Problem | null {
  if (res.status >= 500) return { what: `${what}: ${res.status}`, res };
  if (res.status >= 400 && (typeof res.body?.error !== "string" || res.body.error.length === 0))
    return { what: `${what}: ${res.status} without { error }`, res };
  return null;
}

async function baseCall(endpoint: string): Promise<Call> {
  const fixture = ENDPOINT_FIXTURES[endpoint];
  const actor = actorOf(w, "owner");
  const as = { apiKey: actor!.apiKey };
  const call = await fixture.request({
    w,
    cell: { endpoint, caller: "owner", via: "apiKey", expected: 200, n: 100_000 + Math.floor(Math.random() * 1e6) },
    actor,
    as,
    allowed: true,
  });
  return { ...call, as: call.as ?? as };
}

/** Replaces the last path parameter of a concrete path, found by comparing it with the pattern. */
function withBrokenParam(pattern: string, path: string, segment: string): string | null {
  const patternParts = pattern.split(" ")[1].split("/");
  const parts = path.split("?")[0].split("/");
  const index = patternParts.lastIndexOf(":id");
  if (index < 0 || parts.length !== patternParts.length) return null;
  parts[index] = segment;
  return parts.join("/");
}

const endpoints = declaredEndpoints().filter((e) => ENDPOINT_FIXTURES[e]);

describe("fuzz: the contract check itself", () => {
  const answer = (status: number, body: unknown): ApiResponse => ({
    status,
    body,
    text: JSON.stringify(body),
    headers: new Headers(),
    contentType: "application/json",
  });
  it("flags a 5xx, and a 4xx without a non-empty { error }; passes 2xx and proper 4xx", () => {
    expect(problemOf("x", answer(500, { error: "Internal server error" }))).not.toBeNull();
    expect(problemOf("x", answer(400, {}))).not.toBeNull();
    expect(problemOf("x", answer(405, undefined))).not.toBeNull();
    expect(problemOf("x", answer(404, { error: "" }))).not.toBeNull();
    expect(problemOf("x", answer(400, { error: "name: is required" }))).toBeNull();
    expect(problemOf("x", answer(200, { ok: true }))).toBeNull();
  });
});

describe.concurrent("fuzz: no 5xx, and { error } on every 4xx", () => {
  it.each(endpoints)(
    "%s",
    async (endpoint) => {
      const method = endpoint.split(" ")[0];
      const problems: Problem[] = [];
      const check = (what: string, res: ApiResponse) => {
        const problem = problemOf(what, res);
        if (problem) problems.push(problem);
      };

      const call = await baseCall(endpoint);
      const isWrite = method !== "GET";

      for (const [what, segment] of BROKEN_SEGMENTS) {
        const path = withBrokenParam(endpoint, call.path, segment);
        if (path) check(`path ${what}`, await request(method, path, { as: call.as, json: isWrite ? (call.json ?? {}) : undefined }));
      }
      for (const query of BROKEN_QUERIES) {
        check(
          `query ${query.slice(0, 40)}`,
          await request(method, `${call.path.split("?")[0]}${query}`, { as: call.as, json: isWrite && call.json !== undefined ? call.json : undefined }),
        );
      }

      if (isWrite) {
        for (const [what, raw] of BROKEN_BODIES) check(`body: ${what}`, await request(method, call.path, { as: call.as, rawBody: raw }));
        for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=zzz", "application/xml"]) {
          check(
            `Content-Type ${type}`,
            await request(method, call.path, {
              as: call.as,
              rawBody: call.json !== undefined ? JSON.stringify(call.json) : "--zzz\r\nnot a form",
              headers: { "Content-Type": type },
            }),
          );
        }
        const body = call.json;
        if (body && typeof body === "object" && !Array.isArray(body)) {
          for (const field of Object.keys(body)) {
            const { [field]: _dropped, ...without } = body as Record<string, unknown>;
            check(`body without ${field}`, await request(method, call.path, { as: call.as, json: without }));
            for (const [what, value] of FIELD_MUTATIONS) {
              check(`body.${field} = ${what}`, await request(method, call.path, { as: call.as, json: { ...body, [field]: value } }));
            }
          }
        }
        if (call.form) {
          check("a JSON body where multipart is expected", await request(method, call.path, { as: call.as, json: { file: "x" } }));
          check(
            "an empty multipart body",
            await request(method, call.path, { as: call.as, rawBody: "--zzz--\r\n", headers: { "Content-Type": "multipart/form-data; boundary=zzz" } }),
          );
        }
      }

      expect(
        problems.map((p) => `${p.what} ${p.res.text.slice(0, 160)}`),
        `${endpoint}: answers that break the contract`,
      ).toEqual([]);
      // An endpoint with many body fields makes a hundred or more requests one after the other; on a
      // loaded 2-core machine that took over the project's 30 s default (seen once: bulk-jobs).
    },
    180_000,
  );
});

// CSRF for every write, generated like the rest: tenant A's owner's cookie, the valid request,
// sent by a foreign page (foreign Origin), or by a form-like request from our page (text/plain).
describe.concurrent("CSRF: every write refuses the cookie from a foreign page", () => {
  const writes = endpoints.filter((e) => !e.startsWith("GET "));
  it.each(writes)("%s", async (endpoint) => {
    const method = endpoint.split(" ")[0];
    const call = await baseCall(endpoint);
    const cookie = { cookie: w.ownerA.cookie };
    const foreign = await request(method, call.path, { as: cookie, json: call.json, form: call.form, headers: { Origin: "https://evil.example" } });
    expect(foreign.status, `${endpoint} from a foreign Origin: ${foreign.text.slice(0, 200)}`).toBe(403);
    expect(foreign.body.error).toMatch(/^Cross-site request refused/);
    const plain = await request(method, call.path, {
      as: cookie,
      rawBody: call.json !== undefined ? JSON.stringify(call.json) : "x=1",
      headers: { "Content-Type": call.json !== undefined ? "text/plain" : "application/x-www-form-urlencoded", Origin: w.base },
    });
    expect(plain.status, `${endpoint} as a form from our page: ${plain.text.slice(0, 200)}`).toBe(403);
  });
});
