// globalSetup of the "api" vitest project: ONE real gateway (production build, real database) for
// every file of tests/api, which run in parallel against it. Files never share users: each makes
// its own through tests/support/api-client.ts, so they cannot see or disturb each other's data.
//
// Database: with DATABASE_URL set (a PostgreSQL server URL, e.g. postgresql://root@127.0.0.1:5432/postgres)
// startTestServer creates a fresh database on that server, dropped again in teardown, and its URL is
// provided as `databaseUrl` so tests can check what is stored (API key hashes, password hashes).
// Without DATABASE_URL the gateway runs the embedded PGlite in a temporary DATA_DIR, which only the
// gateway's own process can open: `databaseUrl` is then null and the few storage assertions skip,
// saying why. Run with DATABASE_URL for the full suite; CI does.
import type { TestProject } from "vitest/node";
import { startGateway } from "./test-server";

export const ADMIN_EMAIL = "admin@test.local";
export const ADMIN_PASSWORD = "api-tests-admin-password";
/** Failed sign-ins per account before 429 (tests/api/auth.test.ts counts on it). */
export const LOGIN_MAX_ATTEMPTS_PER_ACCOUNT = 5;
/**
 * Every test file signs in from 127.0.0.1, so this budget is shared by the whole suite: it must stay
 * above the suite's total of deliberate wrong passwords (about a dozen), or unrelated logins get 429.
 */
export const LOGIN_MAX_ATTEMPTS_PER_IP = 50;

/**
 * A second gateway with sign-up switched off and a tiny per-address budget (tests/api/auth.test.ts).
 * Started here rather than in that file so that both start from one build: a gateway started
 * mid-run rebuilds .next when a source changed meanwhile, under the feet of the running one.
 */
export const CLOSED_GATEWAY = {
  adminEmail: "root@closed.test",
  adminPassword: "closed-gateway-admin-pw",
  loginMaxAttemptsPerIp: 3,
};

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The test database's URL on the PostgreSQL server, or null with the embedded database. */
    databaseUrl: string | null;
    adminEmail: string;
    adminPassword: string;
    loginMaxAttemptsPerAccount: number;
    /** The gateway with ALLOW_SIGNUP=false. */
    closedGateway: typeof CLOSED_GATEWAY & { baseUrl: string };
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  // One after the other: the first builds .next if needed, the second then finds it fresh.
  const server = await startGateway({
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: String(LOGIN_MAX_ATTEMPTS_PER_ACCOUNT),
    LOGIN_MAX_ATTEMPTS_PER_IP: String(LOGIN_MAX_ATTEMPTS_PER_IP),
    ALLOW_SIGNUP: "true",
  });
  // From here on this run's build is final: gateways started by test files must not rebuild .next
  // (sources may change during a run) under the two already serving from it.
  process.env.WAGATE_TEST_BUILT = "1";
  const closed = await startGateway({
    ADMIN_EMAIL: CLOSED_GATEWAY.adminEmail,
    ADMIN_PASSWORD: CLOSED_GATEWAY.adminPassword,
    LOGIN_MAX_ATTEMPTS_PER_IP: String(CLOSED_GATEWAY.loginMaxAttemptsPerIp),
    ALLOW_SIGNUP: "false",
  }).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  console.log(
    `[api] gateways on ${server.baseUrl} and ${closed.baseUrl} (${server.databaseUrl ? "PostgreSQL" : "embedded PGlite"}), ready in ${Date.now() - started} ms`,
  );
  project.provide("baseUrl", server.baseUrl);
  project.provide("databaseUrl", server.databaseUrl);
  project.provide("adminEmail", ADMIN_EMAIL);
  project.provide("adminPassword", ADMIN_PASSWORD);
  project.provide("loginMaxAttemptsPerAccount", LOGIN_MAX_ATTEMPTS_PER_ACCOUNT);
  project.provide("closedGateway", { ...CLOSED_GATEWAY, baseUrl: closed.baseUrl });
  return async () => {
    for (const gateway of [server, closed]) {
      // A gateway that died during the run explains itself here, rather than as a wall of ECONNREFUSED.
      const healthy = await fetch(`${gateway.baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!healthy) console.error(`[api] ${gateway.baseUrl} was not healthy at the end of the run; its output:\n${gateway.output().slice(-20_000)}`);
    }
    await Promise.all([server.stop(), closed.stop()]);
  };
}
