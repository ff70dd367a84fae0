// The webhook delivery queue's claim (lib/webhooks/delivery-queue.ts) against a real PostgreSQL: a
// webhook's head is its undelivered delivery of the earliest event in the order of events, found
// through the delivery's copy of its event's place (eventSeq, which the outbox writes), whatever
// the order of the deliveries' ids and creation times; a head that is not due holds its webhook's
// later deliveries back and no other webhook's; disabled and busy webhooks get nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventOutbox } from "@/lib/events/event-outbox";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { claimDueDeliveries, releaseDeliveries, settleDeliveries, type AttemptOutcome, type Claimed } from "@/lib/webhooks/delivery-queue";
import { createMigratedTestDatabase, createOwnerSession, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let outbox: EventOutbox;
let ref: SessionRef;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  outbox = new EventOutbox(database.db, () => null);
  ref = await createOwnerSession(database.db, "s-queue");
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
      for (const c of claimed)
        await settleDeliveries(database.db, [{ delivery: c, outcome: delivered() }], { leaseMs: LEASE_MS, limit: 0, holding: [], renew: [] });
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

describe("settleDeliveries: a webhook's chain", () => {
  const textOf = (c: Claimed) => (c.payload as { text: string }).text;
  /** Records `settled`, claiming up to `limit` after `holding`, whose leases are renewed. */
  const settle = (settled: Array<[Claimed, AttemptOutcome]>, limit: number, holding: Claimed[] = []) =>
    settleDeliveries(
      database.db,
      settled.map(([delivery, outcome]) => ({ delivery, outcome })),
      { leaseMs: LEASE_MS, limit, holding: holding.map((d) => d.id), renew: holding.map((d) => d.id) },
    );
  const states = async (webhookId: string) =>
    (
      await database.db.webhookDelivery.findMany({
        where: { webhookId },
        orderBy: { eventSeq: "asc" },
        select: { status: true, attempts: true, nextAttemptAt: true, _count: { select: { attemptLog: true } } },
      })
    ).map((d) => [d.status, d.attempts, d._count.attemptLog]);

  it("records attempts and claims the webhook's next deliveries, in order, in the same statement", async () => {
    const chain = await hook("chain");
    for (const text of ["c1", "c2", "c3", "c4", "c5", "c6"]) await outbox.emit(ref, "message.received", { text });
    const [first] = await claimDueDeliveries(database.db, 64, [], LEASE_MS);
    expect(textOf(first)).toBe("c1");

    // A failure to be retried keeps the delivery the head: nothing else is claimed, by the chain or anyone.
    expect(await settle([[first, outcome("FAILED", 3_600_000)]], 0)).toEqual({ claimed: [], webhookActive: true });
    expect(await claimNames()).toEqual([]);
    await database.db.webhookDelivery.update({ where: { id: first.id }, data: { nextAttemptAt: new Date() } });
    const [again] = await claimDueDeliveries(database.db, 64, [], LEASE_MS);
    expect(again.id).toBe(first.id);

    // DELIVERED: the next ones in the order of events, claimed (leased: no one else claims them).
    const { claimed: window } = await settle([[again, delivered(2)]], 2);
    expect(window.map(textOf)).toEqual(["c2", "c3"]);
    expect(window.every((d) => d.webhookId === chain.id)).toBe(true);
    expect(await claimNames()).toEqual([]);

    // Several attempts in one statement (DEAD also ends a delivery's turn); the held one's lease is
    // renewed, and the claim goes on after it.
    const [c2, c3] = window;
    await database.db.webhookDelivery.update({ where: { id: c3.id }, data: { nextAttemptAt: new Date(Date.now() + 1000) } });
    const { claimed: more } = await settle([[c2, outcome("DEAD")]], 2, [c3]);
    expect(more.map(textOf)).toEqual(["c4", "c5"]);
    const c3Lease = await database.db.webhookDelivery.findUniqueOrThrow({ where: { id: c3.id } });
    expect(c3Lease.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + LEASE_MS / 2);
    expect(
      (
        await settle(
          [
            [c3, delivered()],
            [more[0], delivered()],
          ],
          0,
          [more[1]],
        )
      ).claimed,
    ).toEqual([]);
    expect(await states(chain.id)).toEqual([
      ["DELIVERED", 2, 2],
      ["DEAD", 1, 1],
      ["DELIVERED", 1, 1],
      ["DELIVERED", 1, 1],
      ["PENDING", 0, 0],
      ["PENDING", 0, 0],
    ]);

    // A replayed delivery comes before the later ones still waiting.
    const dead = await database.db.webhookDelivery.findFirstOrThrow({ where: { webhookId: chain.id, status: "DEAD" } });
    await database.db.webhookDelivery.update({ where: { id: dead.id }, data: { status: "PENDING", nextAttemptAt: new Date() } });
    const { claimed: replayed } = await settle([[more[1], delivered()]], 2);
    expect(replayed.map(textOf)).toEqual(["c2", "c6"]);

    // Given back untried (a chain that stops): due at once for the next claim.
    await releaseDeliveries(
      database.db,
      replayed.map((d) => d.id),
    );
    const [reclaimed] = await claimDueDeliveries(database.db, 64, [], LEASE_MS);
    expect(reclaimed.id).toBe(dead.id);

    // A webhook switched off meanwhile: told, and nothing claimed.
    await database.db.webhook.update({ where: { id: chain.id }, data: { isActive: false } });
    expect(await settle([[reclaimed, delivered(2)]], 4)).toEqual({ claimed: [], webhookActive: false });
    await database.db.webhook.delete({ where: { id: chain.id } });
  });

  it("stops the claim before a delivery that is not due", async () => {
    const gaps = await hook("chain-gaps");
    for (const text of ["g1", "g2", "g3", "g4", "g5"]) await outbox.emit(ref, "message.received", { text });
    const [g1] = await claimDueDeliveries(database.db, 64, [], LEASE_MS);
    const rows = await database.db.webhookDelivery.findMany({ where: { webhookId: gaps.id }, orderBy: { eventSeq: "asc" } });
    // g4 waits for a retry (behind g2 and g3, as after a replay): the claim stops before it.
    await database.db.webhookDelivery.update({ where: { id: rows[3].id }, data: { status: "FAILED", nextAttemptAt: new Date(Date.now() + 3_600_000) } });
    const { claimed } = await settle([[g1, delivered()]], 8);
    expect(claimed.map(textOf)).toEqual(["g2", "g3"]);
    // g5, due, was passed over with g4 and given back: due now, and not before g4.
    const g5 = await database.db.webhookDelivery.findUniqueOrThrow({ where: { id: rows[4].id } });
    expect(g5.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    await database.db.webhook.delete({ where: { id: gaps.id } });
  });

  // Needs a second connection, which the embedded database (one PGlite session) does not have.
  it.skipIf(!process.env.DATABASE_URL)("stops the claim before a delivery that another statement holds locked", async () => {
    const locked = await hook("chain-locked");
    for (const text of ["l1", "l2", "l3"]) await outbox.emit(ref, "message.received", { text });
    const [l1] = await claimDueDeliveries(database.db, 64, [], LEASE_MS);
    const rows = await database.db.webhookDelivery.findMany({ where: { webhookId: locked.id }, orderBy: { eventSeq: "asc" } });
    await database.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM webhook_deliveries WHERE id = ${rows[1].id} FOR UPDATE`;
      // SKIP LOCKED passes l2 over: l3 is given back rather than sent before it.
      expect((await settle([[l1, delivered()]], 8)).claimed).toEqual([]);
    });
    const due = await database.db.webhookDelivery.findMany({ where: { webhookId: locked.id, status: "PENDING" }, orderBy: { eventSeq: "asc" } });
    expect(due.map((d) => d.id)).toEqual([rows[1].id, rows[2].id]);
    expect(due.every((d) => d.nextAttemptAt.getTime() <= Date.now() + 1000)).toBe(true);
    expect((await claimNames()).map(([, text]) => text)).toEqual(["l2"]);
    await database.db.webhook.delete({ where: { id: locked.id } });
  });
});
