// Issue 12: scheduled messages survive a crash. The gateway accepts a message scheduled a few
// seconds ahead (and a recurring schedule) and is SIGKILLed before its time; a new process on the
// same data sends it, once, and the recurring one goes on.
// A message whose time passed long before the restart is FAILED with the reason instead.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request } from "../support/api-client";
import { ALICE, BOB, jidOf, pairedSession, receivedBy, registerTenant, startSandboxGateway, storedMessage, waitForSessionStatus } from "../support/sandbox";
import { waitFor } from "../support/wait";

const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers.reverse()) await server.stop().catch(() => {});
});

async function countByKey(databaseUrl: string, key: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM messages WHERE "idempotencyKey" = $1', [key]);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

describe("scheduled messages and crashes", () => {
  it("a message scheduled before a SIGKILL is sent once after the restart; one far too late is FAILED", { timeout: 240_000 }, async () => {
    const first = await startSandboxGateway();
    servers.push(first);
    const tenant = await registerTenant(first.baseUrl);
    const session = await pairedSession(first.baseUrl, tenant);
    const as = { apiKey: tenant.key };
    const sendAt = new Date(Date.now() + 6_000).toISOString();
    const created = expectOk(
      await request("POST", "/api/scheduler", {
        baseUrl: first.baseUrl,
        as,
        json: { sessionId: session.sessionId, jid: ALICE, content: "survives the crash", sendAt },
      }),
      "schedule",
    ).body;
    // A recurring schedule goes on after the restart, each firing still once.
    const recurring = expectOk(
      await request("POST", "/api/scheduler", {
        baseUrl: first.baseUrl,
        as,
        json: { sessionId: session.sessionId, jid: BOB, content: "tick", cron: "*/2 * * * * *" },
      }),
      "recurring",
    ).body;
    await first.kill();
    expect(Date.now()).toBeLessThan(Date.parse(sendAt)); // killed before its time

    const second = await startSandboxGateway({}, first.state);
    servers.push(second);
    await waitForSessionStatus(second.baseUrl, tenant, session.sessionId, "CONNECTED", 60_000);
    const got = await waitFor(
      "the scheduled message after the restart",
      async () => (await receivedBy(second.baseUrl, tenant, ALICE, session.sessionId)).find((m) => m.id === created.messageId),
      60_000,
    );
    expect(got.text).toBe("survives the crash");
    const stored = await waitFor("SENT", async () => {
      const m = await storedMessage(second.baseUrl, tenant, session.sessionId, jidOf(ALICE), created.messageId);
      return m && m.status !== "PENDING" && m;
    });
    expect(Date.parse(stored.sentAt ?? stored.timestamp)).toBeGreaterThanOrEqual(Date.parse(sendAt));
    expect((await receivedBy(second.baseUrl, tenant, ALICE, session.sessionId)).filter((m) => m.text === "survives the crash")).toHaveLength(1);
    if (second.databaseUrl) expect(await countByKey(second.databaseUrl, `schedule:${created.id}:${sendAt}`)).toBe(1);

    const ticks = await waitFor(
      "recurring firings after the restart",
      async () => {
        const got = (await receivedBy(second.baseUrl, tenant, BOB, session.sessionId)).filter((m) => m.text === "tick");
        return got.length >= 2 && got;
      },
      60_000,
    );
    expect(new Set(ticks.map((m) => m.id)).size).toBe(ticks.length);
    expectOk(await request("DELETE", `/api/scheduler/${recurring.id}`, { baseUrl: second.baseUrl, as }), "stop recurring");

    // Now one whose time passes well before the gateway is back: with a lateness limit of 1 s it is
    // FAILED with the reason at start, and never sent.
    const lateAt = new Date(Date.now() + 3_000).toISOString();
    const late = expectOk(
      await request("POST", "/api/scheduler", {
        baseUrl: second.baseUrl,
        as,
        json: { sessionId: session.sessionId, jid: BOB, content: "too late", sendAt: lateAt },
      }),
      "late",
    ).body;
    await second.kill();
    await waitFor("its time to be long past", async () => Date.now() > Date.parse(lateAt) + 3_000, 20_000);
    const third = await startSandboxGateway({ SCHEDULE_MAX_LATENESS_MS: "1000" }, first.state);
    servers.push(third);
    await waitForSessionStatus(third.baseUrl, tenant, session.sessionId, "CONNECTED", 60_000);
    const listed = expectOk(await request("GET", `/api/scheduler/${late.id}`, { baseUrl: third.baseUrl, as }), "get").body;
    expect(listed.status).toBe("FAILED");
    expect(listed.error).toMatch(/^missed: /);
    expect((await receivedBy(third.baseUrl, tenant, BOB, session.sessionId)).filter((m) => m.text === "too late")).toEqual([]);
    // The stopped recurring schedule stays stopped across the restart.
    expect(expectOk(await request("GET", `/api/scheduler/${recurring.id}`, { baseUrl: third.baseUrl, as }), "recurring").body.status).toBe("CANCELLED");
  });
});
