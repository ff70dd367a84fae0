// The webhook worker's chain (lib/webhooks/webhook-worker.ts) against a real PostgreSQL, with the
// HTTP client replaced by a receiver in this test: one webhook's deliveries go out one at a time in
// the order of events, the next one without waiting for the last one's recording; a failure to
// be retried holds the later ones back; a worker that stops gives back what its chain held.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import pino from "pino";
import { directSqlStats } from "@/lib/db/direct-sql";
import { EventOutbox } from "@/lib/events/event-outbox";
import type { SafeFetchOptions, SafeFetchResult } from "@/lib/net/safe-fetch";
import type { Worker } from "@/lib/server/runtime";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { startWebhookWorker, type WebhookWorkerDeps } from "@/lib/webhooks/webhook-worker";
import { createMigratedTestDatabase, createOwnerSession, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let outbox: EventOutbox;
let ref: SessionRef;
const logger = pino({ level: "silent" });

beforeAll(async () => {
  // The worker's defaults come from the environment (lib/env.ts), which wants the secrets set.
  vi.stubEnv("AUTH_SECRET", "a".repeat(32));
  vi.stubEnv("APP_SECRET", "b".repeat(32));
  database = await createMigratedTestDatabase();
  outbox = new EventOutbox(database.db, () => null);
  ref = await createOwnerSession(database.db, "s-chain");
});
// Each test's webhook goes with it, passed or not, so that the next test's worker does not see its deliveries.
afterEach(async () => {
  await database.db.webhook.deleteMany({});
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await database?.drop();
});

const textOf = (options: SafeFetchOptions) => (JSON.parse(String(options.body)) as { data: { text: string } }).data.text;
const answer = (status: number): SafeFetchResult => ({ status, headers: {}, body: Buffer.from("ok"), url: "" });

/** A new webhook, seen by the outbox's next event. */
async function hook(name: string) {
  const created = await database.db.webhook.create({ data: { ownerId: ref.ownerId, name, url: `https://${name}.test/hook`, events: ["message.received"] } });
  outbox.webhooks.invalidate(ref.ownerId);
  return created;
}

const OPTIONS = { concurrency: 4, retryBaseMs: 60_000, maxAttempts: 5, timeoutMs: 5_000, pollMs: 50, allowPrivate: true };

function worker(fetch: (url: string, options: SafeFetchOptions) => Promise<SafeFetchResult>, deps: Partial<WebhookWorkerDeps> = {}): Worker {
  return startWebhookWorker({
    db: database.db,
    outbox,
    logger,
    fetch,
    options: OPTIONS,
    ...deps,
  });
}

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("the webhook worker's chain", () => {
  it("sends one webhook's deliveries one at a time, in order, each once, the next before the last one is recorded", async () => {
    const busy = await hook("chain-busy");
    const texts = Array.from({ length: 60 }, (_, i) => `m${i}`);
    const received: string[] = [];
    let inFlight = 0;
    let overlapping = 0;
    /** Deliveries whose attempt is recorded (the worker's onAttempt, told after each recording). */
    const recorded = new Set<string>();
    /** Attempts that went out while the attempt before them was not yet recorded. */
    let aheadOfRecording = 0;
    let previous: string | null = null;
    // Recorded before the worker starts, so that its chain has a backlog to work through.
    for (const text of texts) await outbox.emit(ref, "message.received", { text });
    const statementsBefore = directSqlStats().statements;
    const w = worker(
      async (_url, options) => {
        inFlight++;
        overlapping = Math.max(overlapping, inFlight);
        if (previous && !recorded.has(previous)) aheadOfRecording++;
        previous = (options.headers as Record<string, string>)["X-Webhook-Delivery"] ?? null;
        received.push(textOf(options));
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        return answer(200);
      },
      // No poll during the test: every statement counted below is the chain's.
      { onAttempt: (attempt) => recorded.add(attempt.deliveryId), options: { ...OPTIONS, pollMs: 60_000 } },
    );
    try {
      await until(() => received.length >= texts.length, "every delivery");
      await until(
        async () => (await database.db.webhookDelivery.count({ where: { webhookId: busy.id, status: "DELIVERED" } })) === texts.length,
        "every delivery recorded",
      );
    } finally {
      await w.stop();
    }
    expect(received).toEqual(texts);
    expect(overlapping).toBe(1);
    expect(aheadOfRecording).toBeGreaterThan(0);
    // Fewer statements than deliveries: each recording records the attempts finished while the
    // last one ran, and claims as it goes (the chain makes no claim of its own).
    expect(directSqlStats().statements - statementsBefore).toBeLessThan(texts.length);
    expect(await database.db.webhookAttempt.count({ where: { webhookId: busy.id } })).toBe(texts.length);
  });

  it("holds the later deliveries behind one that failed until its retry succeeds, and gives back what it held", async () => {
    const flaky = await hook("chain-flaky");
    const received: Array<[string, number]> = [];
    let failures = 1;
    for (const text of ["f1", "f2", "f3", "f4", "f5", "f6"]) await outbox.emit(ref, "message.received", { text });
    const w = worker(async (_url, options) => {
      const text = textOf(options);
      const status = text === "f3" && failures-- > 0 ? 503 : 200;
      received.push([text, status]);
      return answer(status);
    });
    try {
      // f3 waits for its retry (a minute away): the deliveries after it are back in the queue, due
      // and not leased — nothing held by the chain that ended — and none of them goes out.
      await until(async () => {
        const later = await database.db.webhookDelivery.findMany({ where: { webhookId: flaky.id, status: "PENDING" } });
        return later.length === 3 && later.every((d) => d.nextAttemptAt.getTime() <= Date.now());
      }, "the held deliveries given back");
      const f3 = await database.db.webhookDelivery.findFirstOrThrow({ where: { webhookId: flaky.id, status: "FAILED" } });
      expect(f3.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(received).toHaveLength(3);
      // Its retry due: f3 goes again, then the rest.
      await database.db.webhookDelivery.update({ where: { id: f3.id }, data: { nextAttemptAt: new Date() } });
      w.wake();
      await until(() => received.length >= 7, "every delivery");
    } finally {
      await w.stop();
    }
    expect(received).toEqual([
      ["f1", 200],
      ["f2", 200],
      ["f3", 503],
      ["f3", 200],
      ["f4", 200],
      ["f5", 200],
      ["f6", 200],
    ]);
  });

  it("a worker that stops records what it sent and gives back what it held; the next one goes on in order", async () => {
    const stopping = await hook("chain-stopping");
    const texts = Array.from({ length: 40 }, (_, i) => `s${i}`);
    const received: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    for (const text of texts) await outbox.emit(ref, "message.received", { text });
    const first = worker(async (_url, options) => {
      received.push(textOf(options));
      if (received.length === 10) await gate;
      return answer(200);
    });
    await until(() => received.length === 10, "ten deliveries");
    const stopped = first.stop();
    release();
    await stopped;
    expect(received).toEqual(texts.slice(0, 10));
    const rows = await database.db.webhookDelivery.findMany({ where: { webhookId: stopping.id }, orderBy: { eventSeq: "asc" } });
    expect(rows.filter((d) => d.status === "DELIVERED")).toHaveLength(10);
    // Nothing stays leased: the rest are due at once for the next process.
    expect(rows.filter((d) => d.status === "PENDING").every((d) => d.nextAttemptAt.getTime() <= Date.now() + 1000)).toBe(true);

    const second = worker(async (_url, options) => {
      received.push(textOf(options));
      return answer(200);
    });
    try {
      await until(() => received.length >= texts.length, "the rest");
    } finally {
      await second.stop();
    }
    expect(received).toEqual(texts);
  });
});
