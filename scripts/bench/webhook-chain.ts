// What the webhook worker's database work costs per delivery when a webhook is busy: each attempt
// recorded with the claim of the webhook's next delivery in the same statement (the chain of the
// tenth session), against several attempts recorded at once, the chain holding up to 16 claimed
// ahead (settleDeliveries, as lib/webhooks/webhook-worker.ts's chain does when attempts finish
// while the last ones are being recorded), alternating the two.
//   DATABASE_URL=… npx tsx --import ./scripts/hooks/register.mjs scripts/bench/webhook-chain.ts [events=1000] [webhooks=1] [rounds=2] [batch=4]
// On a fresh database: `webhooks` webhooks that want every event; each round records `events`
// events through the outbox, then drains every delivery as DELIVERED without any HTTP, timing the
// database's part alone: wall ms per delivery. Prints figures, asserts nothing. Needs PostgreSQL.
import { loadavg } from "node:os";
import { EventOutbox } from "../../lib/events/event-outbox";
import { claimDueDeliveries, settleDeliveries, type AttemptOutcome, type Claimed } from "../../lib/webhooks/delivery-queue";
import { scratchDatabase } from "./scratch-database";

const [events = 1000, webhookCount = 1, rounds = 2, batchSize = 4] = process.argv.slice(2).map(Number).filter(Boolean);
const LEASE_MS = 30_000;
const AHEAD = 16;
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

  /** Drains every due delivery, each webhook as a chain recording `batch` attempts per statement. */
  async function drain(batch: number): Promise<number> {
    let count = 0;
    let chains: Claimed[][] = (await claimDueDeliveries(db, 64, [], LEASE_MS)).map((head) => [head]);
    while (chains.length) {
      const going: Claimed[][] = [];
      for (const ahead of chains) {
        const settling = ahead.splice(0, batch);
        count += settling.length;
        const { claimed } = await settleDeliveries(
          db,
          settling.map((delivery) => ({ delivery, outcome: delivered })),
          { leaseMs: LEASE_MS, limit: batch === 1 ? 1 : AHEAD - ahead.length, holding: ahead.map((d) => d.id), renew: [] },
        );
        ahead.push(...claimed);
        if (ahead.length) going.push(ahead);
      }
      chains = going.length ? going : (await claimDueDeliveries(db, 64, [], LEASE_MS)).map((head) => [head]);
    }
    return count;
  }

  console.log(`${events} events to ${webhookCount} webhook(s), ${rounds} rounds, PostgreSQL; load average (1 min) at start: ${loadavg()[0].toFixed(1)}`);
  console.log(`| round | one attempt per statement, claiming the next: ms per delivery | ${batchSize} attempts per statement, 16 held ahead |`);
  console.log("| --- | --- | --- |");
  for (let round = 1; round <= rounds; round++) {
    const figures: string[] = [];
    for (const batch of [1, batchSize]) {
      for (let i = 0; i < events; i++) await outbox.emit(ref, "message.received", { text: `event ${i}` });
      const started = performance.now();
      const count = await drain(batch);
      if (count !== events * webhookCount) throw new Error(`drained ${count}, expected ${events * webhookCount}`);
      figures.push(((performance.now() - started) / count).toFixed(3));
    }
    console.log(`| ${round} | ${figures[0]} | ${figures[1]} |`);
  }
} finally {
  await database.drop();
}
