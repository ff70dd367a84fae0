// message.sent is recorded by the one write that takes a send out of PENDING, in that write's
// transaction: Baileys' echo of it, the send worker's own SENT write, or a receipt that overtook
// both (lib/messages/sends-awaiting-echo.ts). Each order of those writes is played here against a
// real PostgreSQL, through the store's own entry point (handleStoreEvents) and the worker's
// (markSendsSent), so that no order depends on timing. The case that lost messages before: the
// echo came after the worker gave up waiting and the worker's write was lost with its process —
// the echo stayed quiet (the worker was to announce), and so did the next claim of the send.
import type { WAMessage } from "@whiskeysockets/baileys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventOutbox } from "@/lib/events/event-outbox";
import { markSendsSent } from "@/lib/messages/send-queue";
import { SendsAwaitingEcho } from "@/lib/messages/sends-awaiting-echo";
import type { StoredSend } from "@/lib/messages/stored-send";
import { handleStoreEvents } from "@/lib/store/handle-store-events";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { queuedSend } from "../support/queued-send";
import { storeContext } from "../support/store-context";
import { createMigratedTestDatabase, createOwnerSession, type TestDatabase } from "../support/test-database";

const CONTACT = "15553330000@s.whatsapp.net";
let database: TestDatabase;
let outbox: EventOutbox;
let ref: SessionRef;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  outbox = new EventOutbox(database.db, () => null);
  ref = await createOwnerSession(database.db, "s-announce");
});
afterAll(async () => {
  await database?.drop();
});

/** A send as the API queues it: PENDING, with its payload; claimed once by a worker. */
const queued = (text: string, op: StoredSend["op"] = "send") => queuedSend(database.db, ref, CONTACT, text, op);

/** The message as sendMessage returns it, and as Baileys echoes it back. */
const waMessage = (keyId: string, text: string): WAMessage => ({
  key: { remoteJid: CONTACT, fromMe: true, id: keyId },
  message: { conversation: text },
  messageTimestamp: Math.floor(Date.now() / 1000),
});

function store(events: Parameters<typeof handleStoreEvents>[1][number], sendsAwaitingEcho = new SendsAwaitingEcho()) {
  return handleStoreEvents(storeContext(database.db, outbox, ref, { sendsAwaitingEcho }), [events]);
}
const echo = (keyId: string, text: string) => ({ "messages.upsert": { type: "append" as const, messages: [waMessage(keyId, text)] } });
/** The echo with a receipt folded into its status (WhatsApp's numeric ack). */
const mergedEcho = (keyId: string, text: string, status: number) => ({
  "messages.upsert": { type: "append" as const, messages: [{ ...waMessage(keyId, text), status }] },
});
const delivered = (keyId: string) => ({
  "message-receipt.update": [{ key: { remoteJid: CONTACT, fromMe: true, id: keyId }, receipt: { userJid: CONTACT, receiptTimestamp: Date.now() / 1000 } }],
});

/** What was recorded about one message, in order: each event with the transaction it was recorded in. */
async function recorded(keyId: string) {
  const rows = await database.db.$queryRaw<Array<{ event: string; payload: { status?: string; text?: string; message?: unknown }; tx: string }>>`
    SELECT event, payload, "createdAt"::text AS tx FROM events WHERE "sessionId" = ${ref.id} AND payload->>'messageId' = ${keyId} ORDER BY seq`;
  return rows;
}
const sentEvents = async (keyId: string) => (await recorded(keyId)).filter((e) => e.event === "message.sent");
const statusOf = async (keyId: string) => (await database.db.message.findFirstOrThrow({ where: { sessionId: ref.id, keyId } })).status;

describe("message.sent is recorded by the write that takes a send out of PENDING", () => {
  it("the echo came after the worker stopped waiting and the worker's write was lost: the next claim announces it", async () => {
    const send = await queued("echo stored, write lost");
    // The echo, with no send of this process waiting for it: stored as WhatsApp's view, quiet.
    await store(echo(send.keyId, "echo stored, write lost"));
    expect(await sentEvents(send.keyId)).toEqual([]);
    expect(await statusOf(send.keyId)).toBe("PENDING");
    // The worker's write died with its process. Claimed again, the send is found sent
    // (wentOutBeforeCrash) and written without the message sendMessage returned.
    await markSendsSent(database.db, outbox, ref, [{ ...send, attempts: 2 }]);
    const sent = await sentEvents(send.keyId);
    expect(sent).toHaveLength(1);
    expect(sent[0].payload).toMatchObject({ text: "echo stored, write lost", fromMe: true, remoteJid: CONTACT, message: null });
    // In the transaction that moved it: a crash cannot record one without the other.
    const update = (await recorded(send.keyId)).find((e) => e.event === "message.update" && e.payload.status === "SENT");
    expect(update?.tx).toBe(sent[0].tx);
    expect(await statusOf(send.keyId)).toBe("SENT");
  });

  it("the same, but a receipt came before the next claim: the receipt announces it", async () => {
    const send = await queued("echo stored, receipt first");
    await store(echo(send.keyId, "echo stored, receipt first"));
    await store(delivered(send.keyId));
    const events = await recorded(send.keyId);
    expect(events.map((e) => [e.event, e.payload.status])).toEqual([
      ["message.sent", undefined],
      ["message.update", "DELIVERED"],
    ]);
    expect(events[0].tx).toBe(events[1].tx);
    // The claim taken again finds it moved: quiet.
    await markSendsSent(database.db, outbox, ref, [{ ...send, attempts: 2 }]);
    expect(await sentEvents(send.keyId)).toHaveLength(1);
  });

  it("a receipt overtakes the echo while the worker waits: it announces with the message sendMessage returned; echo and worker stay quiet", async () => {
    const send = await queued("receipt overtakes");
    const waiting = new SendsAwaitingEcho();
    const message = waMessage(send.keyId, "receipt overtakes");
    let fallbacks = 0;
    waiting.expect({ ...send, message }, () => void fallbacks++, 60_000);
    await store(delivered(send.keyId), waiting);
    const sent = await sentEvents(send.keyId);
    expect(sent).toHaveLength(1);
    expect(sent[0].payload).toMatchObject({ text: "receipt overtakes", message: { conversation: "receipt overtakes" } });
    await store(echo(send.keyId, "receipt overtakes"), waiting);
    await markSendsSent(database.db, outbox, ref, [{ ...send, message }]);
    expect(await sentEvents(send.keyId)).toHaveLength(1);
    expect(await statusOf(send.keyId)).toBe("DELIVERED");
    expect(fallbacks).toBe(0);
  });

  it("the usual order — echo, then receipt — announces once, with SENT, from the echo", async () => {
    const send = await queued("usual order");
    const waiting = new SendsAwaitingEcho();
    waiting.expect({ ...send, message: waMessage(send.keyId, "usual order") }, () => {}, 60_000);
    await store(echo(send.keyId, "usual order"), waiting);
    await store(delivered(send.keyId), waiting);
    const events = await recorded(send.keyId);
    expect(events.map((e) => [e.event, e.payload.status])).toEqual([
      ["message.update", "SENT"],
      ["message.sent", undefined],
      ["message.update", "DELIVERED"],
    ]);
    expect(events[0].tx).toBe(events[1].tx);
  });

  it("a receipt Baileys merged into the echo is written by the echo's statement and announced after the message", async () => {
    const send = await queued("merged receipt");
    const waiting = new SendsAwaitingEcho();
    waiting.expect({ ...send, message: waMessage(send.keyId, "merged receipt") }, () => {}, 60_000);
    // Baileys' event buffer folds a receipt that came while it buffered into the upsert's status.
    await store(mergedEcho(send.keyId, "merged receipt", 3 /* DELIVERY_ACK */), waiting);
    const events = await recorded(send.keyId);
    // The worker's order (SENT, then the message), then the receipt, as any later receipt comes.
    expect(events.map((e) => [e.event, e.payload.status])).toEqual([
      ["message.update", "SENT"],
      ["message.sent", undefined],
      ["message.update", "DELIVERED"],
    ]);
    expect(new Set(events.map((e) => e.tx)).size).toBe(1);
    expect(await statusOf(send.keyId)).toBe("DELIVERED");
  });

  it("a merged receipt that is no step forward writes and announces nothing", async () => {
    const send = await queued("merged, already read");
    const waiting = new SendsAwaitingEcho();
    waiting.expect({ ...send, message: waMessage(send.keyId, "merged, already read") }, () => {}, 60_000);
    // READ overtook the echo; the echo carries only DELIVERED.
    await store(
      {
        "message-receipt.update": [
          { key: { remoteJid: CONTACT, fromMe: true, id: send.keyId }, receipt: { userJid: CONTACT, readTimestamp: Date.now() / 1000 } },
        ],
      },
      waiting,
    );
    await store(mergedEcho(send.keyId, "merged, already read", 3), waiting);
    const events = await recorded(send.keyId);
    expect(events.map((e) => [e.event, e.payload.status])).toEqual([
      ["message.sent", undefined],
      ["message.update", "READ"],
    ]);
    expect(await statusOf(send.keyId)).toBe("READ");
  });

  it("a campaign's send: the merged receipt's message.update names the campaign", async () => {
    const send = await queued("campaign, merged receipt");
    const payload = { ...send.payload, campaignId: "campaign-merged" } as StoredSend;
    await database.db.message.update({ where: { id: send.id }, data: { payload: payload as object } });
    const waiting = new SendsAwaitingEcho();
    waiting.expect({ ...send, payload, message: waMessage(send.keyId, "campaign, merged receipt") }, () => {}, 60_000);
    await store(mergedEcho(send.keyId, "campaign, merged receipt", 4 /* READ */), waiting);
    const updates = (await recorded(send.keyId)).filter((e) => e.event === "message.update");
    expect(updates.map((e) => [e.payload.status, (e.payload as { campaignId?: string }).campaignId])).toEqual([
      ["SENT", "campaign-merged"],
      ["READ", "campaign-merged"],
    ]);
    expect(await statusOf(send.keyId)).toBe("READ");
  });

  it("the worker writes SENT first (no echo in time): the late echo and a receipt stay quiet", async () => {
    const send = await queued("worker first");
    const message = waMessage(send.keyId, "worker first");
    await markSendsSent(database.db, outbox, ref, [{ ...send, message }]);
    await store(echo(send.keyId, "worker first"));
    await store(delivered(send.keyId));
    const sent = await sentEvents(send.keyId);
    expect(sent).toHaveLength(1);
    expect(sent[0].payload).toMatchObject({ message: { conversation: "worker first" } });
  });

  it("a message sent from the phone whose receipt was stored first: the message is announced before the receipt", async () => {
    const keyId = `3EB0PHONEEARLY${Date.now()}`;
    // One session's store (the receipt is kept in its memory until the message is stored), both
    // batches in one transaction, as they are when they queue up while the session is busy.
    await handleStoreEvents(storeContext(database.db, outbox, ref), [delivered(keyId), echo(keyId, "from the phone, receipt first")]);
    const events = await recorded(keyId);
    expect(events.map((e) => [e.event, e.payload.status])).toEqual([
      ["message.sent", undefined],
      ["message.update", "DELIVERED"],
    ]);
    expect(events[0].tx).toBe(events[1].tx);
    expect(await statusOf(keyId)).toBe("DELIVERED");
  });

  it("a message sent from the phone itself is announced when first stored, not when stored again", async () => {
    const keyId = `3EB0PHONE${Date.now()}`;
    await store(echo(keyId, "from the phone"));
    await store(echo(keyId, "from the phone"));
    expect(await sentEvents(keyId)).toHaveLength(1);
  });

  it("an edit going out is not a message of its own: its receipt announces no message.sent", async () => {
    const edit = await queued("the new text", "edit");
    await store(delivered(edit.keyId));
    expect(await statusOf(edit.keyId)).toBe("DELIVERED");
    expect(await sentEvents(edit.keyId)).toEqual([]);
  });
});
