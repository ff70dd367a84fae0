// The webhook delivery queue's claim (lib/webhooks/delivery-queue.ts) against a real PostgreSQL: a
// webhook's head is its undelivered delivery of the earliest event in the order of events, found
// through the delivery's copy of its event's place (eventSeq, which the outbox writes), whatever
// the order of the deliveries' ids and creation times; a head that is not due holds its webhook's
// later deliveries back and no other webhook's; disabled and busy webhooks get nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventOutbox } from "@/lib/events/event-outbox";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { claimDueDeliveries, settleDelivery, type Claimed } from "@/lib/webhooks/delivery-queue";
import { createMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let outbox: EventOutbox;
let ref: SessionRef;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  outbox = new EventOutbox(database.db, () => null);
  const owner = await database.db.user.create({ data: { name: "o", email: "o@q.local", username: "o-queue", passwordHash: "x", role: "OWNER" } });
  const session = await database.db.whatsappSession.create({ data: { name: "s", sessionId: "s-queue", ownerId: owner.id } });
  ref = { id: session.id, sessionId: session.sessionId, ownerId: owner.id };
});
afterAll(async () => {
  await database?.drop();
});

const LEASE_MS = 30_000;
const delivered = (attempt = 1) =>
  ({ statusCode: 200, latencyMs: 1, snippet: null, responseBytes: 0, error: null, status: "DELIVERED", attempt, retryInMs: 0 }) as const;

/** A new webhook, seen by the outbox's next event (its cache of the owner's webhooks forgotten). */
async function hook(name: string) {
  const created = await database.db.webhook.create({ data: { ownerId: ref.ownerId, name, url: `https://${name}.test/hook`, events: ["message.received"] } });
  outbox.webhooks.invalidate(ref.ownerId);
  return created;
}

/** Claims, and names what was claimed by its event's text. */
async function claimNames(busy: string[] = []): Promise<Array<[string, string]>> {
  const claimed = await claimDueDeliveries(database.db, 64, busy, LEASE_MS);
  return claimed.map((c: Claimed) => [c.webhookId, (c.payload as { text: string }).text]);
}

describe("claimDueDeliveries", () => {
  it("claims each webhook's earliest undelivered event, in the order of events, whatever the deliveries' ids and times say", async () => {
    const a = await hook("queue-a");
    const b = await hook("queue-b");
    for (const text of ["one", "two", "three"]) await outbox.emit(ref, "message.received", { text });

    // Every delivery carries its event's place.
    const rows = await database.db.webhookDelivery.findMany({ select: { eventSeq: true, event: { select: { seq: true } } } });
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row.eventSeq).toBe(row.event.seq);

    // Ids and creation times that sort the other way round must not matter.
    await database.db.$executeRaw`UPDATE webhook_deliveries d SET id = 'z' || (1000000 - e.seq)::text || d.id,
      "createdAt" = now() - make_interval(secs => e.seq::double precision) FROM events e WHERE e.id = d."eventId"`;

    for (const expected of ["one", "two", "three"]) {
      const claimed = await claimDueDeliveries(database.db, 64, [], LEASE_MS);
      expect(claimed.map((c) => [c.webhookId, (c.payload as { text: string }).text]).sort()).toEqual(
        [
          [a.id, expected],
          [b.id, expected],
        ].sort(),
      );
      // Claimed and not settled: leased, so nothing more of these webhooks is claimed meanwhile.
      expect(await claimNames()).toEqual([]);
      for (const c of claimed) await settleDelivery(database.db, c, delivered());
    }
    expect(await claimNames()).toEqual([]);
    await database.db.webhook.deleteMany({ where: { id: { in: [a.id, b.id] } } });
  });

  it("holds a webhook's later deliveries behind a head waiting for its retry, and only that webhook's", async () => {
    const down = await hook("queue-down");
    const up = await hook("queue-up");
    for (const text of ["first", "second"]) await outbox.emit(ref, "message.received", { text });
    const [head] = await database.db.webhookDelivery.findMany({ where: { webhookId: down.id }, orderBy: { eventSeq: "asc" }, take: 1 });
    await database.db.webhookDelivery.update({ where: { id: head.id }, data: { status: "FAILED", nextAttemptAt: new Date(Date.now() + 3_600_000) } });

    expect(await claimNames()).toEqual([[up.id, "first"]]);
    // Busy webhooks (their delivery still in hand on this node) are left out.
    await database.db.webhookDelivery.updateMany({ where: { webhookId: up.id }, data: { nextAttemptAt: new Date() } });
    expect(await claimNames([up.id])).toEqual([]);

    // Its retry due: the head goes first, then the rest in order.
    await database.db.webhookDelivery.update({ where: { id: head.id }, data: { nextAttemptAt: new Date() } });
    expect(await claimNames([up.id])).toEqual([[down.id, "first"]]);
    await database.db.webhook.deleteMany({ where: { id: { in: [down.id, up.id] } } });
  });

  it("gives a disabled webhook nothing, and its deliveries again once it is enabled", async () => {
    const paused = await hook("queue-paused");
    await outbox.emit(ref, "message.received", { text: "while paused" });
    await database.db.webhook.update({ where: { id: paused.id }, data: { isActive: false } });
    expect(await claimNames()).toEqual([]);
    await database.db.webhook.update({ where: { id: paused.id }, data: { isActive: true } });
    expect(await claimNames()).toEqual([[paused.id, "while paused"]]);
  });
});
