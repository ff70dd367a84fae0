// Starts one production gateway on a fresh database for the whole browser suite (building first if
// the sources changed) and stops it afterwards: Playwright runs the returned function as teardown.
// Sandbox mode: sessions link to the gateway's emulated WhatsApp network, so the specs can connect,
// scan and message without a phone.
import { startTestServer } from "../../scripts/serve-test.mjs";
import { E2E_ADMIN, E2E_PORT } from "./e2e-server";

export default async function globalSetup() {
  const started = Date.now();
  const server = await startTestServer({
    port: E2E_PORT,
    // Private URLs allowed: the webhook specs deliver to a receiver on loopback in the test process.
    env: { ADMIN_EMAIL: E2E_ADMIN.email, ADMIN_PASSWORD: E2E_ADMIN.password, ALLOW_SIGNUP: "true", WA_MODE: "sandbox", ALLOW_PRIVATE_NETWORK_URLS: "true" },
  });
  console.log(`[e2e] sandbox gateway on ${server.baseUrl} (${server.databaseUrl ? "PostgreSQL" : "embedded PGlite"}), ready in ${Date.now() - started} ms`);
  return async () => {
    if (process.env.E2E_SERVER_LOG) console.log(server.output());
    await server.stop();
  };
}
