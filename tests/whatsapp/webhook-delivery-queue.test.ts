// The webhook delivery queue's claim (lib/webhooks/delivery-queue.ts) against a real PostgreSQL: a
// webhook's head is its undelivered delivery of the earliest event in the order of events, found
// through the delivery's copy of its event's place (eventSeq, which the outbox writes), whatever
// the order of the deliveries' ids and creation times; a head that is not due holds its webhook's
// later deliveries back and no other webhook's; disabled and busy webhooks get nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventOutbox } from "@/lib/events/event-outbox";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { claimDueDeliveries, releaseDelivery, settleDelivery, type AttemptOutcome, type Claimed } from "@/lib/webhooks/delivery-queue";
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
const delivered = (attempt = 1): AttemptOutcome => ({
  statusCode: 200,
  latencyMs: 1,
  snippet: null,
  responseBytes: 0,
  error: null,
  status: "DELIVERED",
  attempt,
  retryInMs: 0,
});
const outcome = (status: AttemptOutcome["status"], retryInMs = 0): AttemptOutcome => ({
  statusCode: status === "DELIVERED" ? 200 : 503,
  latencyMs: 1,
  snippet: null,
  responseBytes: 0,
  error: status === "DELIVERED" ? null : "HTTP 503",
  status,
  attempt: 1,
  retryInMs,
});

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

describe("settleDelivery with claimNext", () => {
  const textOf = (c: Claimed | null) => (c ? (c.payload as { text: string }).text : null);

  it("records the attempt and, once the delivery is done with, claims its webhook's next one in the same statement", async () => {
    const chain = await hook("chain");
    for (const text of ["c1", "c2", "c3", "c4"]) await outbox.emit(ref, "message.received", { text });
    const [first] = await claimDueDeliveries(database.db, 64, [], LEASE_MS);
    expect(textOf(first)).toBe("c1");

    // A failure to be retried keeps the delivery the head: nothing else is claimed, by the chain or anyone.
    expect(await settleDelivery(database.db, first, outcome("FAILED", 3_600_000), { leaseMs: LEASE_MS })).toBeNull();
    expect(await claimNames()).toEqual([]);
    await database.db.webhookDelivery.update({ where: { id: first.id }, data: { nextAttemptAt: new Date() } });
    const [again] = await claimDueDeliveries(database.db, 64, [], LEASE_MS);
    expect(again.id).toBe(first.id);

    // DELIVERED: the next in the order of events, claimed (leased: no one else claims it).
    const second = await settleDelivery(database.db, again, delivered(2), { leaseMs: LEASE_MS });
    expect(textOf(second)).toBe("c2");
    expect(second?.webhookId).toBe(chain.id);
    expect(await claimNames()).toEqual([]);
    // DEAD also ends a delivery's turn.
    const third = await settleDelivery(database.db, second!, outcome("DEAD"), { leaseMs: LEASE_MS });
    expect(textOf(third)).toBe("c3");

    const log = await database.db.webhookDelivery.findMany({
      where: { webhookId: chain.id },
      orderBy: { eventSeq: "asc" },
      select: { status: true, attempts: true, _count: { select: { attemptLog: true } } },
    });
    expect(log.map((d) => [d.status, d.attempts, d._count.attemptLog])).toEqual([
      ["DELIVERED", 2, 2],
      ["DEAD", 1, 1],
      ["PENDING", 0, 0],
      ["PENDING", 0, 0],
    ]);

    // A replayed delivery goes before the later ones still waiting.
    const dead = await database.db.webhookDelivery.findFirstOrThrow({ where: { webhookId: chain.id, status: "DEAD" } });
    await database.db.webhookDelivery.update({ where: { id: dead.id }, data: { status: "PENDING", nextAttemptAt: new Date() } });
    const replayed = await settleDelivery(database.db, third!, delivered(), { leaseMs: LEASE_MS });
    expect(replayed?.id).toBe(dead.id);

    // Given back untried (a stopping worker): due at once for the next claim.
    await releaseDelivery(database.db, replayed!.id);
    const [reclaimed] = await claimDueDeliveries(database.db, 64, [], LEASE_MS);
    expect(reclaimed.id).toBe(dead.id);
    expect(await settleDelivery(database.db, reclaimed, delivered(2))).toBeNull(); // without claimNext: only settled
    const [fourth] = await claimDueDeliveries(database.db, 64, [], LEASE_MS);
    expect(textOf(fourth)).toBe("c4");

    // Nothing further, or a webhook switched off meanwhile: the chain ends.
    await outbox.emit(ref, "message.received", { text: "c5" });
    await database.db.webhook.update({ where: { id: chain.id }, data: { isActive: false } });
    expect(await settleDelivery(database.db, fourth, delivered(), { leaseMs: LEASE_MS })).toBeNull();
    await database.db.webhook.delete({ where: { id: chain.id } });
  });
});
