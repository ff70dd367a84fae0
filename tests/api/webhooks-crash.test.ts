// The gateway killed with SIGKILL in the middle of a burst of deliveries loses nothing: after a
// restart on the same data, every event it had recorded reaches the webhook at least once — the one
// that was in flight when the process died included, once its lease runs out.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request } from "../support/api-client";
import { contactSends, pairedSession, registerTenant, startSandboxGateway, waitForSessionStatus } from "../support/sandbox";
import { until } from "../support/wait";
import { startReceiver, type Receiver, verifyWebhook } from "../support/webhook-receiver";

const ENV = {
  WEBHOOK_RETRY_BASE_MS: "150",
  WEBHOOK_TIMEOUT_MS: "1500",
};
const SECRET = "crash-test-secret";

let first: TestServer | undefined;
let second: TestServer | undefined;
let hook: Receiver | undefined;

let firstKilled = false;

afterAll(async () => {
  await hook?.close();
  // The restarted gateway's stop drops the database and data directory the two shared.
  if (second) await second.stop();
  else if (first && !firstKilled) await first.stop();
  else if (first) {
    await first.state.database?.drop().catch(() => {});
    rmSync(first.dataDir, { recursive: true, force: true });
  }
}, 60_000);

describe("a gateway killed during a burst", () => {
  it("delivers every recorded event after the restart", { timeout: 300_000 }, async () => {
    first = await startSandboxGateway(ENV);
    const tenant = await registerTenant(first.baseUrl, "crash");
    const { sessionId } = await pairedSession(first.baseUrl, tenant);
    hook = await startReceiver();
    // Nothing is answered until the process is dead: the kill lands with one delivery in flight
    // and the rest of the burst still waiting in the outbox.
    let release!: () => void;
    const killed = new Promise<void>((r) => (release = r));
    hook.answer = () => ({ status: 200, hold: killed });
    expectOk(
      await request("POST", "/api/webhooks", {
        baseUrl: first.baseUrl,
        as: { apiKey: tenant.key },
        json: { name: "Burst", url: hook.url, secret: SECRET, events: ["message.received"] },
      }),
      "create webhook",
    );

    const texts = Array.from({ length: 25 }, (_, i) => `burst ${i + 1}`);
    for (const text of texts) await contactSends(first.baseUrl, tenant, sessionId, text);
    await hook.waitFor((r) => r.length >= 1, "the first delivery to be in flight");
    await first.kill();
    firstKilled = true;
    const seenBeforeRestart = new Set(hook.received.map((r) => r.body.id)).size;
    release();

    second = await startSandboxGateway(ENV, first.state);
    await waitForSessionStatus(second.baseUrl, tenant, sessionId, "CONNECTED");
    const events = expectOk(await request("GET", `/api/sessions/${sessionId}/events`, { baseUrl: second.baseUrl, as: { apiKey: tenant.key } }), "events")
      .body as Array<{ id: string; event: string; timestamp: string }>;
    // Oldest first, as the outbox recorded them.
    const recorded = events
      .filter((e) => e.event === "message")
      .sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.id.localeCompare(b.id))
      .map((e) => e.id);
    expect(recorded.length, "the burst was recorded before the kill").toBeGreaterThan(seenBeforeRestart);

    const got = await hook.waitFor((r) => recorded.every((id) => r.some((x) => x.body.id === id)), "every recorded event", 60_000);
    for (const r of got) expect(verifyWebhook(r.body, r.headers["x-webhook-signature"] as string, SECRET)).toBe(true);
    // In order, oldest first, apart from the redelivery of what was in flight at the kill.
    const firstSeen = got.map((r) => r.body.id).filter((id, i, all) => all.indexOf(id) === i);
    expect(firstSeen.filter((id) => recorded.includes(id))).toEqual(recorded);

    const log = await until(
      async () =>
        expectOk(
          await request("GET", `/api/webhooks/${await webhookId(second!, tenant.key)}/deliveries?limit=100`, {
            baseUrl: second!.baseUrl,
            as: { apiKey: tenant.key },
          }),
          "log",
        ).body,
      (l) => l.deliveries.length >= recorded.length && l.deliveries.every((d: { status: string }) => d.status === "DELIVERED"),
      "every delivery DELIVERED",
    );
    expect(log.deliveries.length).toBe(recorded.length);
  });
});

async function webhookId(gateway: TestServer, key: string): Promise<string> {
  const list = expectOk(await request("GET", "/api/webhooks", { baseUrl: gateway.baseUrl, as: { apiKey: key } }), "list").body;
  return list[0].id;
}
