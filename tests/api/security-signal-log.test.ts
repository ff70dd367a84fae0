// Issue 9, item 4: libsignal prints whole Signal sessions (`Closing session: SessionEntry {… privKey
// …}`) to the console. A session's whole life in a sandbox gateway — pairing, messages both ways, a
// restart, a logout and pairing again — must leave no key material in the server's output, at the
// most talkative log level.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request } from "../support/api-client";
import { chatMessages, ECHO_BOT, jidOf, pairedSession, registerTenant, send, startSandboxGateway, type Tenant, waitForSessionStatus } from "../support/sandbox";
import { waitFor } from "../support/wait";

const ENV = { LOG_LEVEL: "debug", PACING_MIN_GAP_MS: "0", PACING_JITTER_MS: "0" };
const gateways: TestServer[] = [];
afterAll(async () => {
  for (const g of gateways.reverse()) await g.stop();
});

async function echoRoundTrip(base: string, tenant: Tenant, sessionId: string, text: string) {
  expectOk(await send(base, tenant, { sessionId, jid: ECHO_BOT, message: { text } }), `send ${text}`);
  // The echo bot answers with the same text: a message decrypted by the session, both ways.
  await waitFor(
    `the echo of ${text}`,
    async () => {
      const res = await chatMessages(base, tenant, sessionId, jidOf(ECHO_BOT));
      return res.status === 200 && res.body.some((m: { fromMe: boolean; content?: string }) => !m.fromMe && m.content === text);
    },
    30_000,
  );
}

describe("Signal key material in the log", () => {
  it("none reaches stdout/stderr through pairing, messages, a restart, a logout and a new pairing", async () => {
    const first = await startSandboxGateway(ENV);
    gateways.push(first);
    const tenant = await registerTenant(first.baseUrl);
    const session = await pairedSession(first.baseUrl, tenant);
    await echoRoundTrip(first.baseUrl, tenant, session.sessionId, "hello before restart");
    await first.stop({ keep: true });

    const second = await startSandboxGateway(ENV, first.state);
    gateways.push(second);
    const base = second.baseUrl;
    await waitForSessionStatus(base, tenant, session.sessionId, "CONNECTED");
    await echoRoundTrip(base, tenant, session.sessionId, "hello after restart");
    expectOk(await request("POST", `/api/sessions/${session.sessionId}/logout`, { baseUrl: base, as: { apiKey: tenant.key } }), "logout");
    await waitForSessionStatus(base, tenant, session.sessionId, "LOGGED_OUT");
    // Pair the same session (same number) again: the contacts' old sessions are closed and replaced.
    expectOk(await request("POST", `/api/sessions/${session.sessionId}/connect`, { baseUrl: base, as: { apiKey: tenant.key } }), "connect again");
    expectOk(await request("POST", `/api/sandbox/sessions/${session.sessionId}/scan`, { baseUrl: base, as: { apiKey: tenant.key }, json: {} }), "scan again");
    await waitForSessionStatus(base, tenant, session.sessionId, "CONNECTED");
    await echoRoundTrip(base, tenant, session.sessionId, "hello after pairing again");
    await second.stop({ keep: true });

    const log = first.output() + second.output();
    // The path was taken: libsignal did speak, and was held back to its words.
    expect(log).toMatch(/"module":"libsignal".*"msg":"(Closing|Opening) session"/);
    expect(log).not.toMatch(/SessionEntry|privKey|rootKey|chainKey|ephemeralKeyPair|currentRatchet/);
    // Nor any private key the emulated phones hold (their state file has their side of each session).
    const state = readFileSync(path.join(second.dataDir, "sandbox", "emulator-state.json"), "utf8");
    const privateKeys = [...state.matchAll(/privKey\\*"\s*:\s*\\*"([A-Za-z0-9+/]{40,}={0,2})/g)].map((m) => m[1]);
    expect(privateKeys.length).toBeGreaterThan(0);
    for (const key of privateKeys) expect(log.includes(key), `private key ${key.slice(0, 6)}… in the log`).toBe(false);
  }, 240_000);
});
