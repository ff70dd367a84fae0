// lib/events/start-event-pruner.ts against a real PostgreSQL: old events go with their deliveries,
// recent ones stay, and an old event that still has a delivery to make (PENDING or FAILED) stays.
// Beside claim-with-lease.test.ts: both exercise the database-only mechanisms the workers share.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEventPruner } from "@/lib/events/start-event-pruner";
import type { Worker } from "@/lib/server/runtime";
import { createMigratedTestDatabase, type TestDatabase } from "../support/test-database";
import { waitFor } from "../support/wait";

let database: TestDatabase;
let pruner: Worker | undefined;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
});
afterAll(async () => {
  await pruner?.stop();
  await database?.drop();
});

const DAY = 24 * 60 * 60 * 1000;

describe("startEventPruner", () => {
  it("deletes events past retention, except those with a delivery still to make", async () => {
    const { db } = database;
    const owner = await db.user.create({ data: { name: "Owner", email: "owner@prune.test", username: "owner-prune", passwordHash: "x" } });
    const session = await db.whatsappSession.create({ data: { sessionId: "prune", name: "Prune", ownerId: owner.id } });
    const webhook = await db.webhook.create({ data: { ownerId: owner.id, name: "Hook", url: "https://receiver.test/hook" } });
    const event = (name: string, ageDays: number) =>
      db.event.create({ data: { ownerId: owner.id, sessionId: session.id, event: name, payload: {}, createdAt: new Date(Date.now() - ageDays * DAY) } });
    const oldDelivered = await event("old-delivered", 20);
    const oldPending = await event("old-pending", 20);
    const oldFailed = await event("old-failed", 20);
    await event("old-without-deliveries", 20);
    await event("recent", 1);
    await db.webhookDelivery.createMany({
      data: [
        { ownerId: owner.id, webhookId: webhook.id, eventId: oldDelivered.id, eventSeq: oldDelivered.seq, status: "DELIVERED" },
        { ownerId: owner.id, webhookId: webhook.id, eventId: oldPending.id, eventSeq: oldPending.seq, status: "PENDING" },
        { ownerId: owner.id, webhookId: webhook.id, eventId: oldFailed.id, eventSeq: oldFailed.seq, status: "FAILED" },
      ],
    });

    pruner = startEventPruner({ db, logger: pino({ level: "silent" }), retentionDays: 14, firstAfterMs: 0 });

    const left = await waitFor("the first pruning run", async () => {
      const names = (await db.event.findMany({ select: { event: true } })).map((e) => e.event).sort();
      return names.length < 5 ? names : undefined;
    });
    expect(left).toEqual(["old-failed", "old-pending", "recent"]);
    // The delivered event's delivery went with it (cascade); the two still to make remain.
    expect((await db.webhookDelivery.findMany({ select: { status: true } })).map((d) => d.status).sort()).toEqual(["FAILED", "PENDING"]);
  });
});
