// Issue 6 through a whole sandbox gateway: events of a paired session reach webhook receivers on
// loopback signed, in order, retried while the receiver is down, dead-lettered on a 4xx and
// replayable; a slow receiver holds up no other webhook; a reply-enabled webhook answers the sender;
// another tenant's webhook never sees our events; the Socket.io stream has whatever a webhook got.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request } from "../support/api-client";
import { contactSends, joinSession, pairedSession, registerTenant, socketFor, startSandboxGateway, type Tenant } from "../support/sandbox";
import { until } from "../support/wait";
import { messageTexts, startReceiver, type Receiver, verifyWebhook } from "../support/webhook-receiver";

let gateway: TestServer;
let base: string;
const receivers: Receiver[] = [];
const SECRET = "a-secret-shared-with-the-receiver";

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}

async function createWebhook(tenant: Tenant, body: Record<string, unknown>) {
  return expectOk(await request("POST", "/api/webhooks", { baseUrl: base, as: { apiKey: tenant.key }, json: body }), "create webhook").body;
}

async function deliveries(tenant: Tenant, webhookId: string, query = "") {
  return expectOk(await request("GET", `/api/webhooks/${webhookId}/deliveries${query}`, { baseUrl: base, as: { apiKey: tenant.key } }), "deliveries").body;
}

beforeAll(async () => {
  gateway = await startSandboxGateway({
    WEBHOOK_RETRY_BASE_MS: "150",
    WEBHOOK_TIMEOUT_MS: "1500",
    WEBHOOK_CONCURRENCY: "8",
    // Replies go through the send queue; no human-like pauses in tests.
    PACING_MIN_GAP_MS: "0",
    PACING_JITTER_MS: "0",
  });
  base = gateway.baseUrl;
}, 180_000);

afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await gateway?.stop();
});

describe("webhook delivery", () => {
  it("delivers Ultimate WhatsApp Gateway's signed payload with metadata, to the socket stream too, and to no other tenant", async () => {
    const alice = await registerTenant(base, "alice");
    const mallory = await registerTenant(base, "mallory");
    const { sessionId } = await pairedSession(base, alice, { connect: { metadata: { userId: "user123", plan: "premium" } } });
    const hook = await receiver();
    const mallorysHook = await receiver();
    const webhook = await createWebhook(alice, { name: "Signed", url: hook.url, secret: SECRET, events: ["message.received"] });
    expect(webhook).toMatchObject({ name: "Signed", url: hook.url, hasSecret: true, sessionId: null, events: ["message.received"], isActive: true });
    expect(webhook.secret).toBeUndefined();
    await createWebhook(mallory, { name: "Nosy", url: mallorysHook.url, events: ["*"] });

    const socket = await socketFor(base, alice.key);
    const socketIds: string[] = [];
    try {
      await joinSession(socket, sessionId);
      // Socket payloads carry the outbox event's id as `eventId` (`id` is the message's own).
      socket.on("message", (m: { eventId: string }) => socketIds.push(m.eventId));

      for (const text of ["hello 1", "héllo 2 👋", 'quote " and \\ 3']) await contactSends(base, alice, sessionId, text);
      const got = await hook.waitFor((r) => r.length >= 3, "three messages");
      expect(new Set(messageTexts(got))).toEqual(new Set(["hello 1", "héllo 2 👋", 'quote " and \\ 3']));
      // Oldest event first: the order the outbox recorded them in.
      const recorded = expectOk(await request("GET", `/api/sessions/${sessionId}/events`, { baseUrl: base, as: { apiKey: alice.key } }), "events").body;
      const recordedIds = (recorded as Array<{ id: string; event: string; timestamp: string }>)
        .filter((e) => e.event === "message")
        .sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.id.localeCompare(b.id))
        .map((e) => e.id);
      expect(got.map((r) => r.body.id)).toEqual(recordedIds);
      for (const r of got) {
        expect(verifyWebhook(r.body, r.headers["x-webhook-signature"] as string, SECRET), "Ultimate WhatsApp Gateway's snippet verifies").toBe(true);
        expect(r.headers).toMatchObject({
          "content-type": "application/json",
          "x-webhook-event": "message.received",
          "x-session-id": sessionId,
          "x-webhook-source": "wagate",
          "x-webhook-id": r.body.id,
        });
        expect(Number(r.headers["x-webhook-timestamp"])).toBeGreaterThan(1_700_000_000);
        expect(r.body).toMatchObject({
          event: "message.received",
          sessionId,
          metadata: { userId: "user123", plan: "premium" },
          data: { fromMe: false, remoteJid: "15550100002@s.whatsapp.net" },
        });
        expect(new Date(r.body.timestamp).toISOString()).toBe(r.body.timestamp);
      }
      // Nothing that reached the webhook is missing from the socket stream.
      await until(
        async () => socketIds.length,
        (n) => n >= 3,
        "socket messages",
      );
      expect(socketIds).toEqual(expect.arrayContaining(got.map((r) => r.body.id)));
    } finally {
      socket.close();
    }
    expect(mallorysHook.received, "another tenant's webhook got nothing").toEqual([]);

    const log = await deliveries(alice, webhook.id);
    expect(log.deliveries).toHaveLength(3);
    for (const d of log.deliveries) {
      expect(d).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 200, event: "message.received", sessionId });
      expect(d.attemptLog).toEqual([expect.objectContaining({ statusCode: 200, error: null, latencyMs: expect.any(Number) })]);
    }
    // The log is the owner's alone.
    expect((await request("GET", `/api/webhooks/${webhook.id}/deliveries`, { baseUrl: base, as: { apiKey: mallory.key } })).status).toBe(404);
  });

  it("a receiver that is down for a while gets everything afterwards, in order", async () => {
    const alice = await registerTenant(base, "down");
    const { sessionId } = await pairedSession(base, alice);
    const hook = await receiver();
    let up = false;
    hook.answer = () => (up ? { status: 200 } : { status: 503, body: "maintenance" });
    const webhook = await createWebhook(alice, { name: "Flaky", url: hook.url, events: ["message"] });

    const texts = Array.from({ length: 6 }, (_, i) => `while down ${i + 1}`);
    for (const text of texts) await contactSends(base, alice, sessionId, text);
    // The oldest event is retried (with backoff) and the others wait behind it.
    await hook.waitFor((r) => r.length >= 3, "three refused attempts");
    expect(new Set(hook.received.map((r) => r.body.data.text))).toEqual(new Set(["while down 1"]));
    up = true;
    await hook.waitFor((r) => new Set(messageTexts(r)).size >= 6, "all six after recovery");
    const delivered = hook.received.filter((r, i, all) => all.findIndex((x) => x.body.id === r.body.id) === i).map((r) => r.body.data.text);
    expect(delivered).toEqual(texts);

    const log = await until(
      () => deliveries(alice, webhook.id),
      (l) => l.deliveries.every((d: { status: string }) => d.status === "DELIVERED"),
      "all delivered",
    );
    const first = log.deliveries.find((d: { attemptLog: Array<{ statusCode: number }> }) => d.attemptLog.some((a) => a.statusCode === 503));
    expect(first.attempts).toBeGreaterThanOrEqual(3);
    expect(first.attemptLog[first.attemptLog.length - 1]).toMatchObject({ statusCode: 503, responseSnippet: "maintenance" });
    expect(first.attemptLog[0]).toMatchObject({ statusCode: 200 });
  });

  it("a 4xx is not retried; dead deliveries replay one by one and in bulk", async () => {
    const alice = await registerTenant(base, "dead");
    const { sessionId } = await pairedSession(base, alice);
    const hook = await receiver();
    let status = 410;
    hook.answer = () => ({ status, body: status === 410 ? "gone" : "ok" });
    const webhook = await createWebhook(alice, { name: "Gone", url: hook.url, events: ["message.received"] });

    for (const text of ["dead 1", "dead 2", "dead 3"]) await contactSends(base, alice, sessionId, text);
    const dead = await until(
      () => deliveries(alice, webhook.id, "?status=DEAD"),
      (l) => l.deliveries.length === 3,
      "three dead deliveries",
    );
    for (const d of dead.deliveries) {
      expect(d).toMatchObject({ status: "DEAD", attempts: 1, lastStatusCode: 410, nextAttemptAt: null });
      expect(d.attemptLog).toHaveLength(1);
    }
    expect(hook.received).toHaveLength(3); // one attempt each, no retry

    status = 200;
    const oldest = dead.deliveries[dead.deliveries.length - 1];
    const replayed = expectOk(
      await request("POST", `/api/webhooks/${webhook.id}/deliveries/${oldest.id}/replay`, { baseUrl: base, as: { apiKey: alice.key } }),
      "replay one",
    ).body;
    expect(replayed).toMatchObject({ id: oldest.id, status: "PENDING" });
    await hook.waitFor((r) => r.length >= 4, "the replayed delivery");
    expect(hook.received[3].body.data.text).toBe("dead 1");
    await until(
      () => deliveries(alice, webhook.id, "?status=DEAD"),
      (l) => l.deliveries.length === 2,
      "two still dead",
    );

    const bulk = expectOk(
      await request("POST", `/api/webhooks/${webhook.id}/replay`, { baseUrl: base, as: { apiKey: alice.key }, json: { status: "DEAD" } }),
      "bulk replay",
    ).body;
    expect(bulk).toEqual({ replayed: 2 });
    await hook.waitFor((r) => r.length >= 6, "the bulk-replayed deliveries");
    expect(hook.received.slice(4).map((r) => r.body.data.text)).toEqual(["dead 2", "dead 3"]);
    const after = await until(
      () => deliveries(alice, webhook.id),
      (l) => l.deliveries.every((d: { status: string }) => d.status === "DELIVERED"),
      "all delivered",
    );
    expect(after.deliveries.map((d: { attempts: number }) => d.attempts)).toEqual([1, 1, 1]);
    expect(after.deliveries[0].attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([200, 410]);
  });

  it("a slow receiver does not hold up another webhook's deliveries", async () => {
    const alice = await registerTenant(base, "slow");
    const { sessionId } = await pairedSession(base, alice);
    const slow = await receiver();
    const fast = await receiver();
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    slow.answer = () => ({ status: 200, hold: released });
    await createWebhook(alice, { name: "Slow", url: slow.url, events: ["message.received"] });
    await createWebhook(alice, { name: "Fast", url: fast.url, events: ["message.received"] });

    const texts = ["slow 1", "slow 2", "slow 3", "slow 4"];
    for (const text of texts) await contactSends(base, alice, sessionId, text);
    await fast.waitFor((r) => r.length >= 4, "the fast receiver's four messages");
    expect(messageTexts(fast.received)).toEqual(texts);
    expect(slow.answered(), "the slow receiver has not answered anything yet").toBe(0);
    release();
    await slow.waitFor((r) => new Set(messageTexts(r)).size >= 4, "the slow receiver's four messages");
  });

  it("test events go to the one webhook and show the outcome", async () => {
    const alice = await registerTenant(base, "tester");
    await pairedSession(base, alice);
    const hook = await receiver();
    const other = await receiver();
    hook.answer = () => ({ status: 202, body: "accepted by the receiver" });
    const webhook = await createWebhook(alice, { name: "Tested", url: hook.url, secret: SECRET, events: ["message.received"] });
    await createWebhook(alice, { name: "Everything", url: other.url, events: ["*"] });
    const result = expectOk(await request("POST", `/api/webhooks/${webhook.id}/test`, { baseUrl: base, as: { apiKey: alice.key } }), "test").body;
    // The answer's status and size, never its text (issue 9: the test must not read what a URL serves).
    expect(result).toMatchObject({
      status: "DELIVERED",
      attempts: 1,
      lastStatusCode: 202,
      event: "webhook.test",
      lastAttempt: { statusCode: 202, responseBytes: "accepted by the receiver".length },
    });
    expect(JSON.stringify(result)).not.toContain("accepted by the receiver");
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0].body).toMatchObject({ event: "webhook.test", id: result.eventId, data: { webhookId: webhook.id } });
    expect(verifyWebhook(hook.received[0].body, hook.received[0].headers["x-webhook-signature"] as string, SECRET)).toBe(true);
    expect(other.received.filter((r) => r.body.event === "webhook.test")).toEqual([]);
  });

  it("a failed test delivery is reported and ends there: not put on the retry schedule", async () => {
    const alice = await registerTenant(base, "testfail");
    await pairedSession(base, alice);
    const hook = await receiver();
    hook.answer = () => ({ status: 500, body: "receiver is down" });
    const webhook = await createWebhook(alice, { name: "Down", url: hook.url, events: ["message.received"] });
    const result = expectOk(await request("POST", `/api/webhooks/${webhook.id}/test`, { baseUrl: base, as: { apiKey: alice.key } }), "test").body;
    expect(result).toMatchObject({ status: "DEAD", attempts: 1, lastStatusCode: 500, event: "webhook.test" });
    const log = expectOk(await request("GET", `/api/webhooks/${webhook.id}/deliveries`, { baseUrl: base, as: { apiKey: alice.key } }), "deliveries").body;
    expect(log.deliveries).toEqual([expect.objectContaining({ id: result.id, status: "DEAD", attempts: 1 })]);
  });

  it("Chatery's per-session webhooks (connect body, add, remove) get internal event names", async () => {
    const alice = await registerTenant(base, "chatery");
    const first = await receiver();
    const second = await receiver();
    const { sessionId } = await pairedSession(base, alice, { connect: { webhooks: [{ url: first.url, events: ["message"] }] } });
    const listed = expectOk(await request("GET", `/api/sessions/${sessionId}/webhooks`, { baseUrl: base, as: { apiKey: alice.key } }), "list").body;
    expect(listed).toMatchObject({ sessionId, webhooks: [{ url: first.url, events: ["message"], origin: "SESSION", sessionId }] });

    const added = expectOk(
      await request("POST", `/api/sessions/${sessionId}/webhooks`, {
        baseUrl: base,
        as: { apiKey: alice.key },
        json: { url: second.url, events: ["message", "connection.update"] },
      }),
      "add",
    ).body;
    expect(added.webhooks.map((w: { url: string }) => w.url)).toEqual([first.url, second.url]);

    await contactSends(base, alice, sessionId, "to both");
    for (const r of [first, second]) {
      const got = await r.waitFor((x) => x.some((m) => m.body.event === "message"), "the message");
      const m = got.find((x) => x.body.event === "message")!;
      expect(m.headers["x-webhook-event"]).toBe("message");
      expect(m.body).toMatchObject({ sessionId, data: { text: "to both" } });
    }

    expectOk(await request("DELETE", `/api/sessions/${sessionId}/webhooks`, { baseUrl: base, as: { apiKey: alice.key }, json: { url: first.url } }), "remove");
    expect(
      (await request("DELETE", `/api/sessions/${sessionId}/webhooks`, { baseUrl: base, as: { apiKey: alice.key }, json: { url: first.url } })).status,
    ).toBe(404);
    await contactSends(base, alice, sessionId, "only the second");
    await second.waitFor((x) => messageTexts(x, "message").includes("only the second"), "the second message");
    expect(messageTexts(first.received, "message")).toEqual(["to both"]);
  });

  it("a reply-enabled per-session webhook URL (Clevio) answers the sender: plain text, { text } and { media }", async () => {
    const alice = await registerTenant(base, "n8n");
    const { sessionId } = await pairedSession(base, alice);
    const hook = await receiver();
    const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    hook.answer = (r) => {
      const text = r.body.data.text as string;
      if (text === "ping text") return { contentType: "text/plain", body: "pong: ping text" };
      if (text === "ping json") return { contentType: "application/json", body: JSON.stringify({ text: "json reply" }) };
      if (text === "ping media")
        return { contentType: "application/json", body: JSON.stringify({ media: PNG, mimetype: "image/png", caption: "a picture back" }) };
      return { contentType: "application/json", body: JSON.stringify({ message: "Workflow was started" }) };
    };
    const set = expectOk(
      await request("PUT", `/api/sessions/${sessionId}/webhook`, { baseUrl: base, as: { apiKey: alice.key }, json: { webhookUrl: hook.url } }),
      "set url",
    ).body;
    expect(set).toMatchObject({ sessionId, url: hook.url, webhook: { origin: "SESSION_URL", replyEnabled: true, events: ["message"], sessionId } });
    expect(expectOk(await request("GET", `/api/sessions/${sessionId}/webhook`, { baseUrl: base, as: { apiKey: alice.key } }), "get url").body).toMatchObject({
      sessionId,
      url: hook.url,
    });

    for (const text of ["ping text", "ping json", "ping media", "no reply wanted"]) await contactSends(base, alice, sessionId, text);
    const inbox = await until(
      async () =>
        expectOk(await request("GET", "/api/sandbox/contacts/15550100002/messages", { baseUrl: base, as: { apiKey: alice.key } }), "contact inbox")
          .body as Array<{ text: string | null; kinds: string[]; fromSession: string }>,
      (messages) => messages.filter((m) => m.fromSession === sessionId).length >= 3,
      "three replies at the contact",
    );
    const replies = inbox.filter((m) => m.fromSession === sessionId);
    expect(replies.map((m) => m.text)).toEqual(expect.arrayContaining(["pong: ping text", "json reply"]));
    expect(replies.some((m) => m.kinds.includes("imageMessage"))).toBe(true);
    // Our own replies are not events this webhook asked for, and nothing answered them.
    expect(messageTexts(hook.received, "message")).toEqual(["ping text", "ping json", "ping media", "no reply wanted"]);
    expect(hook.received.every((r) => r.body.data.fromMe === false)).toBe(true);

    expectOk(await request("DELETE", `/api/sessions/${sessionId}/webhook`, { baseUrl: base, as: { apiKey: alice.key } }), "delete url");
    expect(expectOk(await request("GET", `/api/sessions/${sessionId}/webhook`, { baseUrl: base, as: { apiKey: alice.key } }), "get url").body).toMatchObject({
      url: null,
      webhook: null,
    });
  });
});
