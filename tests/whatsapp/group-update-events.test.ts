// Issue 11: every group change comes back as its own group.update event, with who made it — also
// when several changes reach Baileys in one buffered batch. The offline notifications WhatsApp
// delivers at reconnect are such a batch, and Baileys' event buffer keeps only the first
// groups.update per group in it (rc14's event-buffer.js); the later changes are read from the
// batch's stub messages (lib/groups/group-updates-from-stubs.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toChaterySocketEvent } from "@/lib/compat/chatery/to-chatery-socket-event";
import type { RecordedEvent } from "@/lib/events/event-outbox";
import { buildWebhookRequest } from "@/lib/webhooks/build-webhook-request";
import { startHarness, waitUntil, type Harness } from "../support/whatsapp-harness";

let h: Harness;
const ME = "15553350001";
const ALICE = "15553350002";
const BOB = "15553350003";
const jid = (phone: string) => `${phone}@s.whatsapp.net`;
let row: Awaited<ReturnType<Harness["createSession"]>>;

beforeAll(async () => {
  h = await startHarness();
  h.emulator.createAccount({ phone: ALICE, name: "Alice" });
  h.emulator.createAccount({ phone: BOB, name: "Bob" });
  row = await h.createSession("group-events");
  await h.pair(row, ME);
});
afterAll(async () => {
  await h?.close();
});

const stored = (groupJid: string) => h.database.db.group.findUnique({ where: { sessionId_jid: { sessionId: row.id, jid: groupJid } } });

async function waitForStored(groupJid: string, predicate: (g: NonNullable<Awaited<ReturnType<typeof stored>>>) => boolean) {
  let last: unknown;
  await waitUntil(
    async () => {
      const g = await stored(groupJid);
      last = g;
      return Boolean(g && predicate(g));
    },
    20_000,
    () => `group ${groupJid} to be stored as expected (is ${JSON.stringify(last)})`,
  );
  return (await stored(groupJid))!;
}

/** This group's change announcements since `from`, without the whole groups a participating fetch reports. */
const changesOf = (groupJid: string, from: number) =>
  h.recorded.slice(from).filter((e) => e.sessionId === row.sessionId && e.event === "group.update" && e.data.jid === groupJid && !("participants" in e.data));

const CHANGE_FIELDS = ["subject", "desc", "announce", "restrict"] as const;
const change = (e: RecordedEvent) => Object.fromEntries(CHANGE_FIELDS.filter((f) => f in e.data).map((f) => [f, e.data[f]]));

describe("group.update events", () => {
  it("announces every change made while the session was away, in order, with its author", async () => {
    const pnGroup = h.emulator.createGroup(ALICE, "Before", [ME, BOB]);
    const lidGroup = h.emulator.createGroup(BOB, "LID before", [ME, ALICE], { addressingMode: "lid" });
    await waitForStored(pnGroup, () => true);
    await waitForStored(lidGroup, () => true);

    await h.manager.get(row.id)!.stop("test");
    const from = h.recorded.length;
    // Queued by the emulator, delivered as offline notifications at the next login: one batch.
    h.emulator.setGroupSubject(ALICE, pnGroup, "Renamed while away");
    h.emulator.setGroupSetting(ALICE, pnGroup, "announcement");
    h.emulator.setGroupDescription(ALICE, pnGroup, "what we do");
    h.emulator.setGroupSetting(ALICE, pnGroup, "locked");
    // In a LID-addressed group WhatsApp names the author by LID; the event gives the phone number.
    h.emulator.setGroupSubject(BOB, lidGroup, "LID renamed");
    h.emulator.setGroupSetting(BOB, lidGroup, "announcement");
    await h.manager.connect(row);
    await h.waitForStatus(row, "CONNECTED");

    const pn = await waitForStored(pnGroup, (g) => g.subject === "Renamed while away" && g.announce && g.description === "what we do" && g.restrict);
    expect(pn).toMatchObject({ subject: "Renamed while away", announce: true, description: "what we do", restrict: true });
    await waitForStored(lidGroup, (g) => g.subject === "LID renamed" && g.announce);

    const expected = [{ subject: "Renamed while away" }, { announce: true }, { desc: "what we do" }, { restrict: true }];
    await waitUntil(
      () => changesOf(pnGroup, from).length >= expected.length && changesOf(lidGroup, from).length >= 2,
      20_000,
      () => `group.update events (have ${JSON.stringify(changesOf(pnGroup, from).map(change))} and ${JSON.stringify(changesOf(lidGroup, from).map(change))})`,
    );
    const pnEvents = changesOf(pnGroup, from);
    expect(pnEvents.map(change)).toEqual(expected);
    for (const e of pnEvents) expect(e.data).toMatchObject({ jid: pnGroup, id: pnGroup, author: jid(ALICE) });
    // One event per change, each in the order of the session's events.
    expect(pnEvents.map((e) => e.seq)).toEqual([...pnEvents.map((e) => e.seq)].sort((a, b) => a! - b!));

    const lidEvents = changesOf(lidGroup, from);
    expect(lidEvents.map(change)).toEqual([{ subject: "LID renamed" }, { announce: true }]);
    for (const e of lidEvents) expect(e.data).toMatchObject({ jid: lidGroup, author: jid(BOB) });

    // Chatery's Socket.io and webhook shapes carry each change as they carry a single one.
    const meta = { sessionId: row.sessionId, timestamp: pnEvents[1].timestamp };
    expect(await toChaterySocketEvent("group.update", pnEvents[1].data, meta, null)).toEqual({ ...meta, update: pnEvents[1].data });
    const hook = buildWebhookRequest({
      eventId: pnEvents[1].id,
      seq: pnEvents[1].seq,
      event: "group.update",
      sessionId: row.sessionId,
      createdAt: new Date(pnEvents[1].timestamp),
      metadata: {},
      data: pnEvents[1].data,
      origin: "SESSION", // Chatery's per-session webhooks
      secret: null,
      deliveryId: "d1",
      attempt: 1,
      now: new Date(),
    });
    expect(JSON.parse(hook.body)).toMatchObject({ event: "group.update", data: { jid: pnGroup, announce: true, author: jid(ALICE) } });
  });

  it("announces a change that arrives on its own once", async () => {
    const groupJid = h.emulator.createGroup(ALICE, "Live", [ME]);
    await waitForStored(groupJid, () => true);
    const from = h.recorded.length;
    h.emulator.setGroupSubject(ALICE, groupJid, "Live renamed");
    await waitForStored(groupJid, (g) => g.subject === "Live renamed");
    h.emulator.setGroupSetting(ALICE, groupJid, "announcement");
    await waitForStored(groupJid, (g) => g.announce);
    h.emulator.setGroupDescription(ALICE, groupJid, "last");
    // The last change's event comes after everything the earlier batches announced.
    await waitUntil(
      () => changesOf(groupJid, from).some((e) => e.data.desc === "last"),
      20_000,
      () => `the description's group.update (have ${JSON.stringify(changesOf(groupJid, from).map(change))})`,
    );
    // Both the groups.update and the stub report a lone change: it is announced once.
    expect(changesOf(groupJid, from).map(change)).toEqual([{ subject: "Live renamed" }, { announce: true }, { desc: "last" }]);
    for (const e of changesOf(groupJid, from)) expect(e.data).toMatchObject({ author: jid(ALICE) });
  });
});
