// What the webhook worker's database work costs per delivery when a webhook is busy: recording each
// attempt and then claiming anew (the worker before the chain), against recording each attempt
// with the claim of the webhook's next delivery in the same statement (settleDelivery's claimNext,
// lib/webhooks/webhook-worker.ts), alternating the two.
//   DATABASE_URL=… npx tsx --import ./scripts/hooks/register.mjs scripts/bench/webhook-chain.ts [events=1000] [webhooks=1] [rounds=2]
// On a fresh database: `webhooks` webhooks that want every event; each round records `events`
// events through the outbox, then drains every delivery as DELIVERED without any HTTP, timing the
// database's part alone: wall ms per delivery. Prints figures, asserts nothing. Needs PostgreSQL.
import { loadavg } from "node:os";
import { EventOutbox } from "../../lib/events/event-outbox";
import { claimDueDeliveries, settleDelivery, type AttemptOutcome, type Claimed } from "../../lib/webhooks/delivery-queue";
import { scratchDatabase } from "./scratch-database";

const [events = 1000, webhookCount = 1, rounds = 2] = process.argv.slice(2).map(Number).filter(Boolean);
const LEASE_MS = 30_000;
const delivered: AttemptOutcome = {
  statusCode: 200,
  latencyMs: 1,
  snippet: null,
  responseBytes: 0,
  error: null,
  status: "DELIVERED",
  attempt: 1,
  retryInMs: 0,
};

const database = await scratchDatabase();
const { db, owner, session } = database;
try {
  const ref = { id: session.id, sessionId: session.sessionId, ownerId: owner.id };
  for (let i = 0; i < webhookCount; i++) {
    await db.webhook.create({ data: { ownerId: owner.id, name: `hook ${i}`, url: `https://receiver-${i}.test/hook`, events: ["message.received"] } });
  }
  const outbox = new EventOutbox(db, () => null);

  /** Drains every due delivery; `chained`: each recording claims its webhook's next. */
  async function drain(chained: boolean): Promise<number> {
    let count = 0;
    let claimed: Claimed[] = await claimDueDeliveries(db, 64, [], LEASE_MS);
    while (claimed.length) {
      const following: Claimed[] = [];
      for (const delivery of claimed) {
        count++;
        const next = await settleDelivery(db, delivery, delivered, chained ? { leaseMs: LEASE_MS } : undefined);
        if (next) following.push(next);
      }
      claimed = following.length ? following : await claimDueDeliveries(db, 64, [], LEASE_MS);
    }
    return count;
  }

  console.log(`${events} events to ${webhookCount} webhook(s), ${rounds} rounds, PostgreSQL; load average (1 min) at start: ${loadavg()[0].toFixed(1)}`);
  console.log("| round | record, then claim anew: ms per delivery | record and claim the next in one statement |");
  console.log("| --- | --- | --- |");
  for (let round = 1; round <= rounds; round++) {
    const figures: string[] = [];
    for (const chained of [false, true]) {
      for (let i = 0; i < events; i++) await outbox.emit(ref, "message.received", { text: `event ${i}` });
      const started = performance.now();
      const count = await drain(chained);
      if (count !== events * webhookCount) throw new Error(`drained ${count}, expected ${events * webhookCount}`);
      figures.push(((performance.now() - started) / count).toFixed(3));
    }
    console.log(`| ${round} | ${figures[0]} | ${figures[1]} |`);
  }
} finally {
  await database.drop();
}
