// A group's whole metadata is stored in three raw statements (lib/groups/handle-group-events.ts):
// the group, its members as listed, the LID ↔ phone pairs they reveal. Played here against a real
// PostgreSQL through each way in: storeGroup (its own transaction), storeGroupMetadata inside a
// Prisma transaction (WhatsApp's group notifications), and syncParticipatingGroups (on connect).
// The emulator's tests (tests/whatsapp/group-store.test.ts) drive the same code from Baileys.
import type { GroupMetadata, WASocket } from "@whiskeysockets/baileys";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCachedGroupMetadata, storeGroup, storeGroupMetadata, storeLidMapping, syncParticipatingGroups } from "@/lib/groups/handle-group-events";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { createMigratedTestDatabase, createOwnerSession, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let ref: SessionRef;
const pn = (n: number) => `1555000${String(n).padStart(4, "0")}@s.whatsapp.net`;
const lid = (n: number) => `9900${n}@lid`;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  ref = await createOwnerSession(database.db, "s-groups");
});
afterAll(async () => {
  await database?.drop();
});

function meta(id: string, subject: string, participants: GroupMetadata["participants"], extra: Partial<GroupMetadata> = {}): GroupMetadata {
  return { id, subject, owner: pn(1), creation: 1_700_000_000, participants, ...extra } as GroupMetadata;
}

const stored = (jid: string) =>
  database.db.group.findUniqueOrThrow({ where: { sessionId_jid: { sessionId: ref.id, jid } }, include: { participants: { orderBy: { jid: "asc" } } } });
const members = async (jid: string) => (await stored(jid)).participants.map((p) => ({ jid: p.jid, phoneJid: p.phoneJid, lid: p.lid, admin: p.admin }));
const mappings = async () => (await database.db.lidMapping.findMany({ where: { sessionId: ref.id }, orderBy: { lid: "asc" } })).map((m) => [m.lid, m.phoneJid]);

describe("storing a group's metadata", () => {
  it("stores a group with its members and their LIDs, then brings it up to date without touching what is unchanged", async () => {
    const jid = "120363000000000001@g.us";
    await storeGroup(
      database.db,
      ref,
      meta(
        jid,
        "Team",
        [
          { id: pn(1), lid: lid(1), admin: "superadmin" },
          { id: lid(2), phoneNumber: pn(2), admin: null },
          { id: pn(3), admin: null },
          { id: pn(3), admin: null }, // listed twice: stored once
        ],
        { inviteCode: "INVITE1", desc: "what we do", restrict: true },
      ),
    );
    const first = await stored(jid);
    expect(first).toMatchObject({
      subject: "Team",
      description: "what we do",
      ownerJid: pn(1),
      ownerId: ref.ownerId,
      restrict: true,
      announce: false,
      inviteCode: "INVITE1",
      left: false,
      creation: new Date(1_700_000_000_000),
    });
    expect(await members(jid)).toEqual([
      { jid: pn(1), phoneJid: pn(1), lid: lid(1), admin: "superadmin" },
      { jid: pn(2), phoneJid: pn(2), lid: lid(2), admin: null },
      { jid: pn(3), phoneJid: pn(3), lid: null, admin: null },
    ]);
    expect(await mappings()).toEqual([
      [lid(1), pn(1)],
      [lid(2), pn(2)],
    ]);
    const untouched = first.participants.find((p) => p.jid === pn(1))!;

    // Member 2 left, 3 was promoted, 4 joined; the fetch carries no invite code this time.
    await storeGroup(
      database.db,
      ref,
      meta(jid, "Renamed", [
        { id: pn(4), lid: lid(4), admin: null },
        { id: pn(3), admin: "admin" },
        { id: pn(1), lid: lid(1), admin: "superadmin" },
      ]),
    );
    const second = await stored(jid);
    expect(second).toMatchObject({ subject: "Renamed", description: null, restrict: false, inviteCode: "INVITE1" });
    expect(second.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
    expect(await members(jid)).toEqual([
      { jid: pn(1), phoneJid: pn(1), lid: lid(1), admin: "superadmin" },
      { jid: pn(3), phoneJid: pn(3), lid: null, admin: "admin" },
      { jid: pn(4), phoneJid: pn(4), lid: lid(4), admin: null },
    ]);
    // An unchanged member keeps its row.
    expect(second.participants.find((p) => p.jid === pn(1))!.id).toBe(untouched.id);
    expect(await mappings()).toEqual([
      [lid(1), pn(1)],
      [lid(2), pn(2)],
      [lid(4), pn(4)],
    ]);
  });

  it("writes the same inside a Prisma transaction, and moves a LID to the phone it now belongs to", async () => {
    const jid = "120363000000000002@g.us";
    const before = await database.db.lidMapping.findUniqueOrThrow({ where: { sessionId_lid: { sessionId: ref.id, lid: lid(4) } } });
    await database.db.$transaction((tx) => storeGroupMetadata(tx, ref, meta(jid, "Other", [{ id: pn(5), lid: lid(4), admin: null }])));
    expect(await members(jid)).toEqual([{ jid: pn(5), phoneJid: pn(5), lid: lid(4), admin: null }]);
    const after = await database.db.lidMapping.findUniqueOrThrow({ where: { sessionId_lid: { sessionId: ref.id, lid: lid(4) } } });
    expect(after).toMatchObject({ id: before.id, phoneJid: pn(5) });
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());

    // A failed transaction leaves nothing of the group behind.
    const rolledBack = "120363000000000003@g.us";
    await expect(
      database.db.$transaction(async (tx) => {
        await storeGroupMetadata(tx, ref, meta(rolledBack, "Never", [{ id: pn(6), admin: null }]));
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    expect(await database.db.group.count({ where: { jid: rolledBack } })).toBe(0);
    expect(await database.db.groupParticipant.count({ where: { jid: pn(6) } })).toBe(0);
  });

  it("ignores pairs that are not a LID and a phone number", async () => {
    const count = await database.db.lidMapping.count();
    await storeLidMapping(database.db, ref, pn(7), lid(7)); // the wrong way round
    await storeLidMapping(database.db, ref, lid(7), "120363000000000009@g.us");
    expect(await database.db.lidMapping.count()).toBe(count);
    await storeLidMapping(database.db, ref, lid(7), pn(7));
    expect(await mappings()).toContainEqual([lid(7), pn(7)]);
  });

  it("gives Baileys the stored group before a send, addressed as the group addresses its members", async () => {
    const jid = "120363000000000004@g.us";
    await storeGroup(
      database.db,
      ref,
      meta(
        jid,
        "LID group",
        [
          { id: lid(8), phoneNumber: pn(8), admin: "admin" },
          { id: pn(9), admin: null },
        ],
        {
          addressingMode: "lid" as GroupMetadata["addressingMode"],
          announce: true,
          desc: "d",
        },
      ),
    );
    expect(await loadCachedGroupMetadata(database.db, ref, jid)).toEqual({
      id: jid,
      subject: "LID group",
      owner: pn(1),
      creation: 1_700_000_000,
      desc: "d",
      restrict: false,
      announce: true,
      addressingMode: "lid",
      size: 2,
      participants: [
        { id: lid(8), lid: lid(8), phoneNumber: pn(8), admin: "admin" },
        { id: pn(9), phoneNumber: pn(9), admin: null }, // no LID known: its phone number
      ],
    });
    // Unknown, left or without members: Baileys asks WhatsApp instead.
    expect(await loadCachedGroupMetadata(database.db, ref, "120363000000000099@g.us")).toBeUndefined();
    await storeGroup(database.db, ref, meta(jid, "LID group", []));
    expect(await loadCachedGroupMetadata(database.db, ref, jid)).toBeUndefined();
    await storeGroup(database.db, ref, meta(jid, "LID group", [{ id: pn(9), admin: null }]));
    expect((await loadCachedGroupMetadata(database.db, ref, jid))?.participants).toEqual([{ id: pn(9), phoneNumber: pn(9), admin: null }]);
    await database.db.group.updateMany({ where: { jid }, data: { left: true } });
    expect(await loadCachedGroupMetadata(database.db, ref, jid)).toBeUndefined();
  });

  it("on connect, stores every group WhatsApp lists and marks the others left", async () => {
    const listed = meta("120363000000000001@g.us", "Renamed again", [{ id: pn(1), lid: lid(1), admin: "superadmin" }]);
    // groupFetchAllParticipating is WhatsApp's answer; the emulator's tests fetch it from Baileys.
    const sock = { groupFetchAllParticipating: async () => ({ [listed.id]: listed }) } as unknown as WASocket;
    const ctx = { db: database.db, ref, sock, logger: pino({ level: "silent" }) };
    expect(await syncParticipatingGroups(ctx)).toBe(1);
    const groups = await database.db.group.findMany({
      where: { sessionId: ref.id },
      orderBy: { jid: "asc" },
      select: { jid: true, subject: true, left: true },
    });
    expect(groups).toEqual([
      { jid: "120363000000000001@g.us", subject: "Renamed again", left: false },
      { jid: "120363000000000002@g.us", subject: "Other", left: true },
      { jid: "120363000000000004@g.us", subject: "LID group", left: true },
    ]);
    const leftAt = (await stored("120363000000000002@g.us")).updatedAt;

    // Again, and then in no group at all: a group already left is not written again.
    await syncParticipatingGroups(ctx);
    expect((await stored("120363000000000002@g.us")).updatedAt).toEqual(leftAt);
    const none = { ...ctx, sock: { groupFetchAllParticipating: async () => ({}) } as unknown as WASocket };
    expect(await syncParticipatingGroups(none)).toBe(0);
    expect(await database.db.group.count({ where: { sessionId: ref.id, left: false } })).toBe(0);
    expect((await stored("120363000000000002@g.us")).updatedAt).toEqual(leftAt);
  });
});
