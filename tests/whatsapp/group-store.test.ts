// Issue 11: a session's groups are stored and kept current from WhatsApp's own notifications, and
// Baileys sends to a group from the stored metadata instead of fetching it each time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, waitUntil, type Harness } from "../support/whatsapp-harness";

let h: Harness;
const ME = "15553330001";
const ALICE = "15553330002";
const BOB = "15553330003";
const CAROL = "15553330004";
const jid = (phone: string) => `${phone}@s.whatsapp.net`;
let row: Awaited<ReturnType<Harness["createSession"]>>;

beforeAll(async () => {
  h = await startHarness();
  for (const [phone, name] of [
    [ALICE, "Alice"],
    [BOB, "Bob"],
    [CAROL, "Carol"],
  ])
    h.emulator.createAccount({ phone, name });
  row = await h.createSession("groups");
  await h.pair(row, ME);
});
afterAll(async () => {
  await h?.close();
});

const stored = (groupJid: string) =>
  h.database.db.group.findUnique({ where: { sessionId_jid: { sessionId: row.id, jid: groupJid } }, include: { participants: { orderBy: { jid: "asc" } } } });

async function waitForStored(groupJid: string, predicate: (g: NonNullable<Awaited<ReturnType<typeof stored>>>) => boolean) {
  let last: unknown;
  await waitUntil(
    async () => {
      const g = await stored(groupJid);
      last = g && { ...g, participants: g.participants.map((p) => `${p.jid}:${p.admin}`) };
      return Boolean(g && predicate(g));
    },
    20_000,
    () => `group ${groupJid} to be stored as expected (is ${JSON.stringify(last)})`,
  );
  return (await stored(groupJid))!;
}

describe("group store", () => {
  it("stores a group the session was added to, with participants, roles and LIDs, and keeps it current", async () => {
    const groupJid = h.emulator.createGroup(ALICE, "Team", [ME, BOB]);
    const group = await waitForStored(groupJid, (g) => g.participants.length === 3);
    expect(group).toMatchObject({ subject: "Team", ownerJid: jid(ALICE), announce: false, restrict: false, left: false, ownerId: row.ownerId });
    const alice = group.participants.find((p) => p.phoneJid === jid(ALICE))!;
    expect(alice).toMatchObject({ jid: jid(ALICE), admin: "superadmin", lid: h.emulator.getAccount(ALICE)!.lid });
    expect(group.participants.find((p) => p.jid === jid(ME))?.admin).toBeNull();
    // The LID ↔ phone mapping of every member is kept per session.
    const mapping = await h.database.db.lidMapping.findUnique({ where: { sessionId_lid: { sessionId: row.id, lid: alice.lid! } } });
    expect(mapping?.phoneJid).toBe(jid(ALICE));

    h.emulator.updateGroupParticipants(ALICE, groupJid, "add", [CAROL]);
    await waitForStored(groupJid, (g) => g.participants.some((p) => p.jid === jid(CAROL)));
    h.emulator.updateGroupParticipants(ALICE, groupJid, "promote", [ME]);
    await waitForStored(groupJid, (g) => g.participants.find((p) => p.jid === jid(ME))?.admin === "admin");
    h.emulator.updateGroupParticipants(ALICE, groupJid, "remove", [BOB]);
    await waitForStored(groupJid, (g) => !g.participants.some((p) => p.jid === jid(BOB)));
    h.emulator.setGroupSubject(ALICE, groupJid, "Renamed");
    h.emulator.setGroupSetting(ALICE, groupJid, "announcement");
    h.emulator.setGroupDescription(ALICE, groupJid, "what we do");
    const after = await waitForStored(groupJid, (g) => g.subject === "Renamed" && g.announce && g.description === "what we do");
    expect(after.participants.map((p) => p.jid).sort()).toEqual([jid(ALICE), jid(CAROL), jid(ME)].sort());

    // Who did what reaches the event stream.
    const promoted = await h.waitForEvent((e) => e.sessionId === row.sessionId && e.event === "group.participants" && e.data.action === "promote");
    expect(promoted.data).toMatchObject({ jid: groupJid, author: jid(ALICE) });

    h.emulator.updateGroupParticipants(ALICE, groupJid, "remove", [ME]);
    await waitForStored(groupJid, (g) => g.left);
  });

  it("catches up on connect with the groups that changed while the session was away", async () => {
    const groupJid = h.emulator.createGroup(BOB, "While away", [ME]);
    await waitForStored(groupJid, (g) => g.participants.length === 2);
    await h.manager.get(row.id)!.stop("test");
    h.emulator.setGroupSubject(BOB, groupJid, "Changed while away");
    await h.manager.connect(row);
    await h.waitForStatus(row, "CONNECTED");
    await waitForStored(groupJid, (g) => g.subject === "Changed while away");
  });

  // Baileys asks WhatsApp for a group's metadata before every send unless it is given a cache;
  // WhatsApp answers repeated fetches with rate-overlimit.
  it("sends repeatedly to a 200-member group without fetching its metadata again", async () => {
    const members = Array.from({ length: 198 }, (_, i) => `1555444${String(i).padStart(4, "0")}`);
    for (const phone of members) h.emulator.createAccount({ phone, name: `Member ${phone}` });
    const groupJid = h.emulator.createGroup(ALICE, "Big group", [ME, ...members]);
    await waitForStored(groupJid, (g) => g.participants.length === 200);
    const sock = h.manager.get(row.id)!.socket!;
    for (const text of ["one", "two", "three"]) {
      const last = members.at(-1)!;
      const arrived = h.emulator.waitFor("message", (e) => e.phone === last && e.message.text === text, 60_000);
      await sock.sendMessage(groupJid, { text });
      await arrived;
    }
    expect(h.emulator.groupMetadataFetches(groupJid)).toBe(0);
  });
});
