// Sends stored already claimed (issue 10): a send whose lane can take it at once is inserted with
// its claim, and the lane gets it from memory instead of claiming it. What must hold, against a real
// PostgreSQL: a new send is born claimed only while no due send of its session waits unclaimed (so
// it cannot overtake one), only as many as the lane asked for, never a scheduled one; and one born
// claimed is a claim like any other — due again when its lease runs out, then claimed with its
// attempt counted.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AcceptedSend } from "@/lib/messages/accept-send";
import { claimSend } from "@/lib/messages/send-queue";
import { storeAcceptedSends, type QueuedSend } from "@/lib/messages/store-accepted-sends";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { setRuntime, type Runtime } from "@/lib/server/runtime";
import { createMigratedTestDatabase, createOwnerSession, type TestDatabase } from "../support/test-database";

const CONTACT = "15554440000@s.whatsapp.net";
const LEASE_MS = 15_000;
let database: TestDatabase;
let ref: SessionRef;
let other: SessionRef;
let n = 0;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  // storeAcceptedSends reaches the database through the runtime, as a route handler does.
  setRuntime({ db: database.db, workers: [] } as unknown as Runtime);
  ref = await createOwnerSession(database.db, "s-birth");
  other = await createOwnerSession(database.db, "s-birth-other");
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await database.db.message.deleteMany({});
});

/** A send as acceptSend makes it; `inMs` schedules it. */
function accepted(session: SessionRef, text: string, inMs = 0): AcceptedSend {
  const now = new Date();
  const keyId = `3EB0BIRTH${++n}`;
  return {
    session: { id: session.id, ownerId: session.ownerId, sessionId: session.sessionId } as AcceptedSend["session"],
    row: {
      sessionId: session.id,
      ownerId: session.ownerId,
      remoteJid: CONTACT,
      keyId,
      type: "TEXT",
      content: text,
      quoteId: null,
      mediaId: null,
      sentById: session.ownerId,
      sentByName: "Owner",
      sentVia: "api",
      payload: { v: 1, op: "send", content: { text } },
      idempotencyKey: null,
      acceptedAt: now,
      sendAfter: new Date(now.getTime() + inMs),
    },
    result: { success: true, messageId: keyId, status: "PENDING" },
  };
}

const claimFor = (...sessions: Array<[SessionRef, number]>) => ({ leaseMs: LEASE_MS, sessions: new Map(sessions.map(([s, count]) => [s.id, count])) });

function queued(results: Array<QueuedSend | Error>): QueuedSend[] {
  for (const r of results) if (r instanceof Error) throw r;
  return results as QueuedSend[];
}

async function rowOf(keyId: string) {
  return database.db.message.findFirstOrThrow({ where: { keyId }, select: { attempts: true, sendAfter: true, status: true } });
}

describe("sends stored already claimed", () => {
  it("are claimed at birth while nothing of their session waits: leased, first attempt counted, handed over as the lane would read them", async () => {
    const sends = [accepted(ref, "one"), accepted(ref, "two")];
    const before = Date.now();
    const stored = queued(await storeAcceptedSends(sends, claimFor([ref, 2])));
    expect(stored.map((s) => s.result.messageId)).toEqual(sends.map((s) => s.row.keyId));
    expect(stored.map((s) => s.claimed?.keyId)).toEqual(sends.map((s) => s.row.keyId));
    expect(stored[0].claimed).toMatchObject({ sessionId: ref.id, remoteJid: CONTACT, attempts: 1, payload: { v: 1, op: "send", content: { text: "one" } } });
    for (const send of sends) {
      const row = await rowOf(send.row.keyId);
      expect(row.attempts).toBe(1);
      expect(row.status).toBe("PENDING");
      // Leased: not due until the lease runs out, so no claim takes it meanwhile.
      expect(row.sendAfter!.getTime()).toBeGreaterThan(before + LEASE_MS - 5_000);
    }
    expect(await claimSend(database.db, ref.id, LEASE_MS)).toBeNull();
  });

  it("are not claimed at birth behind a due send that waits unclaimed, nor past the count asked for, nor when scheduled", async () => {
    const waiting = queued(await storeAcceptedSends([accepted(ref, "waiting")]));
    expect(waiting[0].claimed).toBeNull();
    const behind = queued(await storeAcceptedSends([accepted(ref, "behind")], claimFor([ref, 1])));
    expect(behind[0].claimed).toBeNull();
    // The queue then gives them in the order they were accepted.
    expect((await claimSend(database.db, ref.id, LEASE_MS))?.payload.content).toEqual({ text: "waiting" });
    expect((await claimSend(database.db, ref.id, LEASE_MS))?.payload.content).toEqual({ text: "behind" });

    const mixed = queued(
      await storeAcceptedSends(
        [accepted(other, "later", 60_000), accepted(other, "a"), accepted(other, "b"), accepted(ref, "not asked for")],
        claimFor([other, 1]),
      ),
    );
    expect(mixed.map((s) => s.claimed !== null)).toEqual([false, true, false, false]);
    // "b" waits unclaimed for the lane's claim; "later" only at its time.
    expect((await claimSend(database.db, other.id, LEASE_MS))?.payload.content).toEqual({ text: "b" });
    expect(await claimSend(database.db, other.id, LEASE_MS)).toBeNull();
  });

  it("are claimed again, with the attempt counted, once their lease ran out unsent (the process died holding them)", async () => {
    const [stored] = queued(await storeAcceptedSends([accepted(ref, "held")], claimFor([ref, 1])));
    expect(stored.claimed).not.toBeNull();
    await database.db.message.updateMany({ where: { keyId: stored.result.messageId }, data: { sendAfter: new Date(Date.now() - 1000) } });
    const again = await claimSend(database.db, ref.id, LEASE_MS);
    expect(again).toMatchObject({ keyId: stored.result.messageId, attempts: 2 });
  });
});
