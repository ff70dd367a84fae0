// PostgreSQL aborts one of two transactions that wait for each other's rows (a deadlock, 40P01).
// The two writers that met that way in CI: the send worker's SENT write of a delete (its own row,
// then the revoked message's) and the message store moving a receipt on (the revoked message,
// then the delete's echo). The store's batch was dropped with its transaction — messages received
// and receipts lost — and the worker's write was left to the send's next claim. Both are now tried
// again (lib/db/retry-on-conflict.ts); played here against a real database, once with a forced
// abort (a trigger that raises 40P01 on the first insert of an event, the last statement of
// either transaction) and once with a real deadlock.
import type { WAMessage } from "@whiskeysockets/baileys";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EventOutbox } from "@/lib/events/event-outbox";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { markSendsSent } from "@/lib/messages/send-queue";
import { SendsAwaitingEcho } from "@/lib/messages/sends-awaiting-echo";
import type { StoredSend } from "@/lib/messages/stored-send";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { handleStoreEvents } from "@/lib/store/handle-store-events";
import { queuedSend } from "../support/queued-send";
import { storeContext } from "../support/store-context";
import { createMigratedTestDatabase, createOwnerSession, type TestDatabase } from "../support/test-database";

const ALICE = "15552220001@s.whatsapp.net";
let database: TestDatabase;
let outbox: EventOutbox;
let ref: SessionRef;
let n = 0;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  outbox = new EventOutbox(database.db, () => null);
  ref = await createOwnerSession(database.db, "s-conflict");
  // The first event inserted after the sequence is reset aborts its transaction as a deadlock
  // would (a sequence is not rolled back with it, so the second attempt passes).
  await database.db.$executeRawUnsafe(`CREATE SEQUENCE abort_once`);
  await database.db.$executeRawUnsafe(`
    CREATE FUNCTION abort_first_event() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF nextval('abort_once') = 1 THEN RAISE EXCEPTION 'deadlock detected (test)' USING ERRCODE = '40P01'; END IF;
      RETURN NEW;
    END $$`);
});
afterAll(async () => {
  await database?.drop();
});

/** Arms the trigger: the next event inserted aborts its transaction once. */
async function abortNextEventOnce() {
  await database.db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS abort_first_event ON events`);
  await database.db.$executeRawUnsafe(`SELECT setval('abort_once', 1, false)`);
  await database.db.$executeRawUnsafe(`CREATE TRIGGER abort_first_event BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION abort_first_event()`);
}
/** How many events the trigger saw since it was armed (1 = only the aborted attempt). */
async function eventInsertsSeen(): Promise<number> {
  const [row] = await database.db.$queryRaw<Array<{ last_value: bigint; is_called: boolean }>>`SELECT last_value, is_called FROM abort_once`;
  return row.is_called ? Number(row.last_value) : 0;
}
beforeEach(async () => {
  await database.db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS abort_first_event ON events`);
});

async function eventsOf(keyId: string) {
  return database.db.$queryRaw<Array<{ event: string; status: string | null }>>`
    SELECT event, payload->>'status' AS status FROM events WHERE "sessionId" = ${ref.id} AND payload->>'messageId' = ${keyId} ORDER BY seq`;
}
const message = (keyId: string) => database.db.message.findUniqueOrThrow({ where: { sessionId_keyId: { sessionId: ref.id, keyId } } });

const queued = (text: string, op: StoredSend["op"] = "send", target?: StoredSend["target"]) => queuedSend(database.db, ref, ALICE, text, op, target);

describe("the message store, when PostgreSQL aborts its transaction", () => {
  it("stores the batch on a second attempt, exactly as the first would have: early receipts, arrival times and push names are not used up by the failed attempt", async () => {
    const ownId = `3EB0OWN${++n}`;
    const incomingId = `IN${++n}`;
    const echoedSend = await queued("echo of a send in hand");
    const arrivedAt = Date.now() - 60_000;
    // The session's caches as the batch finds them.
    const earlyStatuses = new Map<string, MessageStatus>([[ownId, "DELIVERED"]]);
    const arrivals = new Map<string, number>([[incomingId, arrivedAt]]);
    const knownPushNames = new Map<string, string>();
    const waiting = new SendsAwaitingEcho();
    let handedBack = 0;
    waiting.expect(echoedSend, () => void handedBack++, 60_000);
    const at = Math.floor(Date.now() / 1000);
    const batch: WAMessage[] = [
      // Our message sent from the phone, whose receipt came before it.
      { key: { remoteJid: ALICE, fromMe: true, id: ownId }, message: { conversation: "from the phone" }, messageTimestamp: at },
      // A contact's message with its push name.
      { key: { remoteJid: ALICE, fromMe: false, id: incomingId }, message: { conversation: "hello" }, messageTimestamp: at, pushName: "Alice" },
      // Baileys' echo of a send the worker is waiting on.
      { key: { remoteJid: ALICE, fromMe: true, id: echoedSend.keyId }, message: { conversation: "echo of a send in hand" }, messageTimestamp: at },
    ];

    await abortNextEventOnce();
    await handleStoreEvents(storeContext(database.db, outbox, ref, { earlyStatuses, arrivals, knownPushNames, sendsAwaitingEcho: waiting }), [
      { "messages.upsert": { type: "notify", messages: batch } },
    ]);

    // The first attempt was aborted at its last statement, after every other write of the batch.
    expect(await eventInsertsSeen()).toBeGreaterThan(1);
    // The receipt that came early moved our message on; used up only by the attempt that committed.
    expect((await message(ownId)).status).toBe("DELIVERED");
    expect(earlyStatuses.has(ownId)).toBe(false);
    // Each announced once (not once per attempt).
    expect((await eventsOf(ownId)).map((e) => `${e.event} ${e.status ?? ""}`.trim()).sort()).toEqual(["message.sent", "message.update DELIVERED"]);
    // The contact's message: its arrival time is its place in the chat, its push name is stored.
    expect((await message(incomingId)).receivedAt.getTime()).toBe(arrivedAt);
    const contact = await database.db.contact.findUnique({ where: { sessionId_jid: { sessionId: ref.id, jid: ALICE } } });
    expect(contact?.notify).toBe("Alice");
    expect(knownPushNames.get(ALICE)).toBe("Alice");
    expect((await eventsOf(incomingId)).map((e) => e.event)).toEqual(["message"]);
    // The echoed send was handed back to the worker once (its SENT is the worker's to write now),
    // and its echo stored like a late echo: the send is still PENDING, announced by nobody yet.
    expect(handedBack).toBe(1);
    expect((await message(echoedSend.keyId)).status).toBe("PENDING");
    expect(await eventsOf(echoedSend.keyId)).toEqual([]);
  });

  it("gives up after three aborts, and the batch's caches are as they were", async () => {
    await database.db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS abort_first_event ON events`);
    await database.db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION abort_every_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM nextval('abort_once'); RAISE EXCEPTION 'deadlock detected (test)' USING ERRCODE = '40P01'; END $$`);
    await database.db.$executeRawUnsafe(`SELECT setval('abort_once', 1, false)`);
    await database.db.$executeRawUnsafe(`CREATE TRIGGER abort_first_event BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION abort_every_event()`);
    const keyId = `IN${++n}`;
    const arrivals = new Map<string, number>([[keyId, Date.now() - 1000]]);
    const earlyStatuses = new Map<string, MessageStatus>([["OTHER", "READ"]]);
    const knownPushNames = new Map<string, string>([["someone@s.whatsapp.net", "Someone"]]);
    const attempt = handleStoreEvents(storeContext(database.db, outbox, ref, { earlyStatuses, arrivals, knownPushNames }), [
      {
        "messages.upsert": {
          type: "notify",
          messages: [{ key: { remoteJid: ALICE, fromMe: false, id: keyId }, message: { conversation: "x" }, pushName: "Al" }],
        },
      },
    ]);
    await expect(attempt).rejects.toMatchObject({ code: "40P01" });
    expect(await eventInsertsSeen()).toBe(3);
    expect(await database.db.message.count({ where: { sessionId: ref.id, keyId } })).toBe(0);
    // Put back: the arrival time and the early receipt; the push names forgotten, since a
    // rolled-back write may have been the one that stored them.
    expect(arrivals.has(keyId)).toBe(true);
    expect([...earlyStatuses]).toEqual([["OTHER", "READ"]]);
    expect(knownPushNames.size).toBe(0);
    await database.db.$executeRawUnsafe(`DROP TRIGGER abort_first_event ON events`);
  });
});

describe("the send worker's SENT write, when PostgreSQL aborts its transaction", () => {
  it("writes a delete's SENT and revokes its target on a second attempt, announced once", async () => {
    const target = await queued("to be deleted");
    await database.db.message.update({ where: { id: target.id }, data: { status: "DELIVERED", payload: undefined } });
    const del = await queued("", "delete", { id: target.keyId, remoteJid: ALICE, fromMe: true });
    await abortNextEventOnce();
    await markSendsSent(database.db, outbox, ref, [del]);
    expect(await eventInsertsSeen()).toBeGreaterThan(1);
    expect((await message(del.keyId)).status).toBe("SENT");
    expect((await message(target.keyId)).revokedAt).not.toBeNull();
    expect((await eventsOf(del.keyId)).map((e) => [e.event, e.status])).toEqual([["message.update", "SENT"]]);
  });

  // Another transaction takes the target and the delete's row, one after the other, while the
  // worker's write runs. In the order the store took them in CI's deadlocks (target first, as the
  // delete's echo revokes it and a receipt then moves the delete on) the worker waits. In the
  // opposite order (the store's too, when a receipt for the delete is stored before its echo) it is
  // a deadlock, which PostgreSQL breaks by aborting one of the two; the worker's write is tried again.
  const contend = async (first: "target" | "delete") => {
    const target = await queued("to be deleted, contended");
    await database.db.message.update({ where: { id: target.id }, data: { status: "DELIVERED" } });
    const del = await queued("", "delete", { id: target.keyId, remoteJid: ALICE, fromMe: true });
    const order = first === "target" ? [target.id, del.id] : [del.id, target.id];
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    const deadlocksBefore = await deadlockCount();
    try {
      await other.query("BEGIN");
      await other.query(`UPDATE messages SET "updatedAt" = "updatedAt" WHERE id = $1`, [order[0]]);
      const writing = markSendsSent(database.db, outbox, ref, [del]);
      await waitUntilBlocked(other);
      let otherAborted = false;
      await other.query(`UPDATE messages SET "updatedAt" = "updatedAt" WHERE id = $1`, [order[1]]).catch((error: { code?: string }) => {
        expect(error.code).toBe("40P01");
        otherAborted = true;
      });
      await other.query(otherAborted ? "ROLLBACK" : "COMMIT");
      await writing;
      expect((await message(del.keyId)).status).toBe("SENT");
      expect((await message(target.keyId)).revokedAt).not.toBeNull();
      expect((await eventsOf(del.keyId)).map((e) => [e.event, e.status])).toEqual([["message.update", "SENT"]]);
      return { otherAborted, deadlocksBefore };
    } finally {
      await other.end();
    }
  };
  // Two transactions at once need a real PostgreSQL server: the embedded PGlite has a single
  // session (lib/db/embedded-postgres.ts), where no two transactions can wait for each other.
  const concurrent = Boolean(process.env.DATABASE_URL);

  it.skipIf(!concurrent)("target first, as the store took the rows in CI's deadlocks: the writer is waited for, no deadlock", async () => {
    const { otherAborted, deadlocksBefore } = await contend("target");
    expect(otherAborted).toBe(false);
    // Statistics reach pg_stat_database within a second; a deadlock would have been counted by now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await deadlockCount()).toBe(deadlocksBefore);
  });

  it.skipIf(!concurrent)("survives a real deadlock with a writer that takes the same two rows in the other order", async () => {
    const { deadlocksBefore } = await contend("delete");
    // It was a deadlock, not a wait: PostgreSQL counted it.
    await expect.poll(deadlockCount, { timeout: 5000 }).toBeGreaterThan(deadlocksBefore);
  });
});

/** PostgreSQL's count of deadlocks in the test's database so far (each statement reads fresh statistics). */
async function deadlockCount(): Promise<number> {
  const [row] = await database.db.$queryRaw<Array<{ deadlocks: bigint }>>`SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()`;
  return Number(row.deadlocks);
}

/** Until a backend other than `client`'s waits for a lock held by `client`'s transaction. */
async function waitUntilBlocked(client: pg.Client) {
  for (let i = 0; i < 200; i++) {
    const { rows } = await client.query<{ waiting: number }>(
      "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))",
    );
    if (rows[0].waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the worker's write never waited for a row the other transaction holds");
}
