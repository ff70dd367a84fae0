// Pausing, cancelling or deleting a campaign takes its queued sends back out of the send queue
// (lib/campaigns/withdraw-queued-sends.ts), in one statement: a send the worker has not claimed
// (attempts = 0) is deleted and its recipient is pending again; a send already claimed, sent, or of
// another campaign is left alone. Against a real PostgreSQL, on the root client and inside a
// transaction that rolls back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withdrawQueuedSends } from "@/lib/campaigns/withdraw-queued-sends";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { createMigratedTestDatabase, createOwnerSession, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let ref: SessionRef;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  ref = await createOwnerSession(database.db, "s-withdraw");
});
afterAll(async () => {
  await database?.drop();
});

const jid = (n: number) => `1555100${String(n).padStart(4, "0")}@s.whatsapp.net`;

/** A running campaign whose recipients are queued with sends in the states given. */
async function campaignWith(name: string, sends: Array<{ status: "PENDING" | "SENT"; attempts: number }>) {
  const { db } = database;
  const campaign = await db.campaign.create({
    data: { ownerId: ref.ownerId, sessionId: ref.id, name, content: { text: "hi" }, status: "running", total: sends.length },
  });
  for (const [i, send] of sends.entries()) {
    const keyId = `${name}-${i}`;
    await db.message.create({
      data: {
        sessionId: ref.id,
        ownerId: ref.ownerId,
        remoteJid: jid(i),
        keyId,
        fromMe: true,
        status: send.status,
        attempts: send.attempts,
        timestamp: new Date(),
        payload: { v: 1, content: { text: "hi" }, campaignId: campaign.id },
      },
    });
    await db.campaignRecipient.create({
      data: { campaignId: campaign.id, ownerId: ref.ownerId, position: i, phone: jid(i), jid: jid(i), status: "queued", keyId, queuedAt: new Date() },
    });
  }
  return campaign;
}

const recipients = (campaignId: string) =>
  database.db.campaignRecipient.findMany({ where: { campaignId }, orderBy: { position: "asc" }, select: { status: true, keyId: true, queuedAt: true } });
const sendsOf = async (name: string) =>
  (await database.db.message.findMany({ where: { sessionId: ref.id, keyId: { startsWith: `${name}-` } }, orderBy: { keyId: "asc" } })).map((m) => m.keyId);

describe("withdrawing a campaign's queued sends", () => {
  it("takes back the unclaimed ones and leaves claimed, sent and other campaigns' sends alone", async () => {
    const campaign = await campaignWith("a", [
      { status: "PENDING", attempts: 0 },
      { status: "PENDING", attempts: 1 }, // in the worker's hands: it goes out
      { status: "PENDING", attempts: 0 },
      { status: "SENT", attempts: 1 },
    ]);
    const other = await campaignWith("b", [{ status: "PENDING", attempts: 0 }]);

    expect(await withdrawQueuedSends(database.db, campaign)).toBe(2);

    expect(await sendsOf("a")).toEqual(["a-1", "a-3"]);
    const after = await recipients(campaign.id);
    expect(after.map((r) => [r.status, r.keyId])).toEqual([
      ["pending", null],
      ["queued", "a-1"],
      ["pending", null],
      ["queued", "a-3"],
    ]);
    expect(after[0].queuedAt).toBeNull();
    // The other campaign on the same session keeps its queued send.
    expect(await sendsOf("b")).toEqual(["b-0"]);
    expect((await recipients(other.id)).map((r) => r.status)).toEqual(["queued"]);
    // Nothing left to take back.
    expect(await withdrawQueuedSends(database.db, campaign)).toBe(0);
  });

  it("inside a transaction: rolled back, nothing is withdrawn", async () => {
    const campaign = await campaignWith("c", [{ status: "PENDING", attempts: 0 }]);
    await expect(
      database.db.$transaction(async (tx) => {
        expect(await withdrawQueuedSends(tx, campaign)).toBe(1);
        throw new Error("move refused");
      }),
    ).rejects.toThrow("move refused");
    expect(await sendsOf("c")).toEqual(["c-0"]);
    expect((await recipients(campaign.id)).map((r) => [r.status, r.keyId])).toEqual([["queued", "c-0"]]);
  });
});
