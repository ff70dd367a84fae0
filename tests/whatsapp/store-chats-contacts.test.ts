// The message store's chats, contacts, edits and revokes, written by raw statements in the store's
// own transaction (lib/store/*, lib/db/direct-sql.ts directTransaction): each Baileys event played
// through the store's entry point (handleStoreEvents) against a real database, checking the rows as
// Prisma's upserts left them before — a field Baileys did not report stays as it was, a removed
// picture is cleared — and that the statements went to the pool, not through Prisma.
import type { BaileysEventMap, WAMessage } from "@whiskeysockets/baileys";
import { proto } from "@whiskeysockets/baileys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directSqlStats } from "@/lib/db/direct-sql";
import { EventOutbox, type RecordedEvent } from "@/lib/events/event-outbox";
import type { SessionConfig } from "@/lib/sessions/sessions.schema";
import type { SessionRef } from "@/lib/sessions/session-ref";
import { handleStoreEvents } from "@/lib/store/handle-store-events";
import { storeContext } from "../support/store-context";
import { createMigratedTestDatabase, createOwnerSession, type TestDatabase } from "../support/test-database";

const ALICE = "15554440001@s.whatsapp.net";
const BOB = "15554440002@s.whatsapp.net";
let database: TestDatabase;
let outbox: EventOutbox;
let ref: SessionRef;
const recorded: RecordedEvent[] = [];

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  outbox = new EventOutbox(database.db, () => null);
  outbox.subscribe((event) => recorded.push(event));
  ref = await createOwnerSession(database.db, "s-chats");
});
afterAll(async () => {
  await database?.drop();
});

function store(events: Partial<BaileysEventMap>, config: SessionConfig = {}, knownPushNames = new Map<string, string>()) {
  return handleStoreEvents(storeContext(database.db, outbox, ref, { config, knownPushNames }), [events]);
}
const chat = (jid: string) => database.db.chat.findUnique({ where: { sessionId_jid: { sessionId: ref.id, jid } } });
const contact = (jid: string) => database.db.contact.findUnique({ where: { sessionId_jid: { sessionId: ref.id, jid } } });
const message = (keyId: string) => database.db.message.findUnique({ where: { sessionId_keyId: { sessionId: ref.id, keyId } } });
const eventsOf = (name: string) => recorded.filter((e) => e.event === name).map((e) => e.data);
const incoming = (keyId: string, text: string, from = ALICE): WAMessage => ({
  key: { remoteJid: from, fromMe: false, id: keyId },
  message: { conversation: text },
  messageTimestamp: Math.floor(Date.now() / 1000),
  pushName: "Alice",
});

describe("the store's chats and contacts", () => {
  it("stores a history sync's chats and contacts, and a later sync leaves what it does not say", async () => {
    const stats = { ...directSqlStats() };
    const at = 1_790_000_000;
    await store({
      "messaging-history.set": {
        chats: [{ id: ALICE, name: "Alice", unreadCount: 3, conversationTimestamp: at }],
        contacts: [{ id: ALICE, name: "Alice A.", notify: "Ali", verifiedName: "Alice Inc", lid: "111@lid" }],
        messages: [],
        syncType: proto.HistorySync.HistorySyncType.RECENT,
        isLatest: true,
      },
    } as Partial<BaileysEventMap>);
    expect(await chat(ALICE)).toMatchObject({
      name: "Alice",
      unreadCount: 3,
      isGroup: false,
      archived: false,
      lastMessageAt: new Date(at * 1000),
      ownerId: ref.ownerId,
    });
    expect(await contact(ALICE)).toMatchObject({
      name: "Alice A.",
      notify: "Ali",
      verifiedName: "Alice Inc",
      lid: "111@lid",
      imgUrl: null,
      ownerId: ref.ownerId,
    });
    expect(eventsOf("history.sync").at(-1)).toEqual({ chats: 1, contacts: 1, messages: 0 });

    const before = await chat(ALICE);
    await store({
      "messaging-history.set": { chats: [{ id: ALICE }], contacts: [{ id: ALICE, notify: "Ally" }], messages: [], syncType: 0, isLatest: false },
    } as unknown as Partial<BaileysEventMap>);
    const after = await chat(ALICE);
    expect(after).toMatchObject({ name: "Alice", unreadCount: 3, lastMessageAt: before!.lastMessageAt });
    expect(after!.updatedAt.getTime()).toBeGreaterThanOrEqual(before!.updatedAt.getTime());
    expect(await contact(ALICE)).toMatchObject({ name: "Alice A.", notify: "Ally", verifiedName: "Alice Inc", lid: "111@lid" });
    // Raw statements on the pool, in a transaction of the store's own.
    expect(directSqlStats().fallbacks).toBe(stats.fallbacks);
    expect(directSqlStats().statements).toBeGreaterThan(stats.statements);
  });

  it("creates, renames, marks read, archives and deletes a chat, announcing each", async () => {
    await store({ "chats.upsert": [{ id: BOB, name: "Bob", unreadCount: 2 }] });
    expect(await chat(BOB)).toMatchObject({ name: "Bob", unreadCount: 2, archived: false });
    // An upsert of a known chat renames it and leaves its unread count.
    await store({ "chats.upsert": [{ id: BOB, name: "Robert", unreadCount: 9 }] });
    expect(await chat(BOB)).toMatchObject({ name: "Robert", unreadCount: 2 });
    await store({ "chats.upsert": [{ id: BOB }] });
    expect(await chat(BOB)).toMatchObject({ name: "Robert" });

    // An unread increment is not stored (the store counts messages itself); 0 is.
    await store({ "chats.update": [{ id: BOB, unreadCount: 5 }] });
    expect(await chat(BOB)).toMatchObject({ unreadCount: 2, name: "Robert" });
    await store({ "chats.update": [{ id: BOB, unreadCount: 0, archived: true }] });
    expect(await chat(BOB)).toMatchObject({ unreadCount: 0, archived: true, name: "Robert" });
    await store({ "chats.update": [{ id: BOB, name: "Bobby", archived: false }] });
    expect(await chat(BOB)).toMatchObject({ unreadCount: 0, archived: false, name: "Bobby" });
    expect(eventsOf("chat.update").slice(-3)).toEqual([
      { jid: BOB },
      { jid: BOB, unreadCount: 0, archived: true },
      { jid: BOB, name: "Bobby", archived: false },
    ]);

    await store({ "chats.delete": [BOB] });
    expect(await chat(BOB)).toBeNull();
    expect(eventsOf("chat.delete").at(-1)).toEqual({ jid: BOB });
    expect(eventsOf("chat.upsert").slice(-3)).toEqual([
      { jid: BOB, name: "Bob" },
      { jid: BOB, name: "Robert" },
      { jid: BOB, name: null },
    ]);
  });

  it("updates a contact field by field; a changed picture is cleared, a new one stored", async () => {
    await store({ "contacts.upsert": [{ id: BOB, name: "Bob", notify: "bob" }] });
    expect(await contact(BOB)).toMatchObject({ name: "Bob", notify: "bob", imgUrl: null, verifiedName: null, lid: null });
    await store({ "contacts.update": [{ id: BOB, imgUrl: "https://pps.whatsapp.net/v/bob.jpg" }] });
    expect(await contact(BOB)).toMatchObject({ name: "Bob", notify: "bob", imgUrl: "https://pps.whatsapp.net/v/bob.jpg" });
    await store({ "contacts.update": [{ id: BOB, verifiedName: "Bob's Shop", lid: "222@lid" }] });
    expect(await contact(BOB)).toMatchObject({ imgUrl: "https://pps.whatsapp.net/v/bob.jpg", verifiedName: "Bob's Shop", lid: "222@lid" });
    // "changed": the old address is no longer valid.
    await store({ "contacts.update": [{ id: BOB, imgUrl: "changed" }] });
    expect(await contact(BOB)).toMatchObject({ name: "Bob", notify: "bob", imgUrl: null, verifiedName: "Bob's Shop", lid: "222@lid" });
    expect(eventsOf("contact.update").at(-1)).toEqual({ jid: BOB, name: null, notify: null, imgUrl: "changed" });
  });

  it("stores a sender's push name once, and again when it changes", async () => {
    const known = new Map<string, string>();
    await store({ "messages.upsert": { type: "notify", messages: [incoming("PN1", "hi")] } }, {}, known);
    expect(await contact(ALICE)).toMatchObject({ notify: "Alice", name: "Alice A." });
    const { updatedAt } = (await contact(ALICE))!;
    await store({ "messages.upsert": { type: "notify", messages: [incoming("PN2", "hi again")] } }, {}, known);
    expect((await contact(ALICE))!.updatedAt).toEqual(updatedAt); // nothing written
    await store({ "messages.upsert": { type: "notify", messages: [{ ...incoming("PN3", "new name"), pushName: "Alicia" }] } }, {}, known);
    expect(await contact(ALICE)).toMatchObject({ notify: "Alicia", name: "Alice A." });
  });
});

describe("the store's edits and revokes", () => {
  it("applies an edit to a stored message and announces it; an edit of an unknown message changes nothing", async () => {
    await store({ "messages.upsert": { type: "notify", messages: [incoming("ED1", "see you at 5")] } });
    await store({
      "messages.update": [
        { key: { id: "ED1", remoteJid: ALICE, fromMe: false }, update: { message: { editedMessage: { message: { conversation: "see you at 6" } } } } },
      ],
    });
    expect(await message("ED1")).toMatchObject({ content: "see you at 6", revokedAt: null });
    expect(eventsOf("message.update").at(-1)).toMatchObject({ id: "ED1", edited: true, text: "see you at 6" });
    const updates = eventsOf("message.update").length;
    await store({
      "messages.update": [{ key: { id: "NOPE", remoteJid: ALICE, fromMe: false }, update: { message: { editedMessage: { message: { conversation: "x" } } } } }],
    });
    expect(eventsOf("message.update").length).toBe(updates);
  });

  it("keeps a revoked message under antiDelete and announces what it said; empties it otherwise", async () => {
    await store({ "messages.upsert": { type: "notify", messages: [incoming("RV1", "keep this"), incoming("RV2", "drop this")] } });
    const revoke = (id: string) => ({ "messages.update": [{ key: { id, remoteJid: ALICE, fromMe: false }, update: { message: null } }] });

    await store(revoke("RV1"), { antiDelete: true });
    const kept = await message("RV1");
    expect(kept).toMatchObject({ content: "keep this", type: "TEXT" });
    expect(kept!.revokedAt).toBeInstanceOf(Date);
    expect(Math.abs(kept!.revokedAt!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(kept!.raw).not.toBeNull();
    expect(eventsOf("message.revoke").at(-1)).toMatchObject({ id: "RV1", kept: true, type: "TEXT", content: "keep this" });

    await store(revoke("RV2"));
    const emptied = await message("RV2");
    expect(emptied).toMatchObject({ content: null, raw: null });
    expect(emptied!.revokedAt).toBeInstanceOf(Date);
    expect(eventsOf("message.revoke").at(-1)).toMatchObject({ id: "RV2", kept: false });

    // antiDelete for a message that is not stored: announced, with nothing to show.
    await store(revoke("RV3"), { antiDelete: true });
    expect(eventsOf("message.revoke").at(-1)).toMatchObject({ id: "RV3", kept: true, type: null, content: null });
  });
});
