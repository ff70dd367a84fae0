// Issue 10: GET /metrics in Prometheus format, for METRICS_TOKEN (bearer) or the superadmin only;
// its counters follow what the gateway does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { createSuperadmin, expectOk, registerOwner, request } from "../support/api-client";
import { ALICE, pairedSession, registerTenant, send, startSandboxGateway, waitForReceived } from "../support/sandbox";
import { waitFor } from "../support/wait";

const TOKEN = "metrics-token-for-the-api-tests";

describe("GET /metrics on the shared gateway (no METRICS_TOKEN)", () => {
  it("answers the superadmin, refuses an owner (403) and anyone without credentials (401)", async () => {
    expect((await request("GET", "/metrics")).status).toBe(401);
    const owner = await registerOwner("metrics");
    expect((await request("GET", "/metrics", { as: { apiKey: owner.apiKey } })).status).toBe(403);
    expect((await request("GET", "/metrics", { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(401);
    const admin = await createSuperadmin("metrics");
    const res = await request("GET", "/metrics", { as: { apiKey: admin.apiKey } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = res.text;
    for (const name of [
      "wagate_sessions",
      "wagate_send_queue_depth",
      "wagate_send_queue_oldest_age_seconds",
      "wagate_webhook_deliveries_total",
      "nodejs_eventloop_lag_seconds",
      "process_resident_memory_bytes",
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
  });
});

describe("GET /metrics with METRICS_TOKEN", () => {
  let gateway: TestServer;
  let base: string;

  beforeAll(async () => {
    gateway = await startSandboxGateway({ METRICS_TOKEN: TOKEN });
    base = gateway.baseUrl;
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  const scrape = async (token = TOKEN) => request("GET", "/metrics", { baseUrl: base, headers: { Authorization: `Bearer ${token}` } });
  const valueOf = (text: string, metric: string, session: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${metric}{`) && l.includes(`session="${session}"`));
    return line ? Number(line.split(" ").at(-1)) : 0;
  };

  it("takes the token, refuses a wrong one, and counts sent and received messages per session", async () => {
    expect((await scrape("not-the-metrics-token-at-all")).status).toBe(401);
    const tenant = await registerTenant(base);
    const session = await pairedSession(base, tenant);
    expect((await request("GET", "/metrics", { baseUrl: base, as: { apiKey: tenant.key } })).status).toBe(403);

    const sent = await send(base, tenant, { sessionId: session.sessionId, jid: ALICE, message: { text: "counted" } });
    await waitForReceived(base, tenant, ALICE, sent.body.messageId as string);
    expectOk(
      await request("POST", `/api/sandbox/contacts/${ALICE}/messages`, {
        baseUrl: base,
        as: { apiKey: tenant.key },
        json: { to: session.sessionId, text: "counted back" },
      }),
      "Alice answers",
    );

    let last = "";
    const text = await waitFor("both counters", async () => {
      const res = await scrape();
      expect(res.status).toBe(200);
      last = res.text
        .split("\n")
        .filter((l) => l.startsWith("wagate_messages_"))
        .join("; ");
      return (
        valueOf(res.text, "wagate_messages_sent_total", session.sessionId) >= 1 &&
        valueOf(res.text, "wagate_messages_received_total", session.sessionId) >= 1 &&
        res.text
      );
    }).catch((error: Error) => {
      throw new Error(`${error.message}; counters: ${last}`);
    });
    expect(valueOf(text, "wagate_messages_sent_total", session.sessionId)).toBe(1);
    expect(valueOf(text, "wagate_messages_received_total", session.sessionId)).toBe(1);
    expect(text).toMatch(/^wagate_sessions\{status="CONNECTED"\} [1-9]/m);
    expect(text).toMatch(/^wagate_send_queue_depth \d+/m);
    // The hot path's statements went to the pool directly — the route handlers' (Next's bundled
    // copy of lib/db/direct-sql.ts) included: none of them fell back to Prisma for want of a pool.
    expect(Number(/^wagate_db_direct_statements_total (\d+)/m.exec(text)?.[1])).toBeGreaterThan(0);
    expect(text).toMatch(/^wagate_db_direct_fallbacks_total 0$/m);
    expect(Number(/^wagate_db_pool_connections\{state="total"\} (\d+)/m.exec(text)?.[1])).toBeGreaterThan(0);
    expect(text).toMatch(/^wagate_db_pool_connections\{state="waiting"\} \d+/m);
  });
});
