// Issue 4: what Baileys reports is persisted per session and announced, and the session toggles
// (readReceipts, antiDelete, ghostMode, ppGuard) change what the session does.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, waitUntil, type Harness } from "../support/whatsapp-harness";

let h: Harness;
const CONTACT = "15552220000";

beforeAll(async () => {
  h = await startHarness();
  h.emulator.createAccount({ phone: CONTACT, name: "Carol Contact" });
});
afterAll(async () => {
  await h?.close();
});

async function pairedSession(name: string, phone: string, config: Record<string, string | boolean> = {}) {
  const row = await h.createSession(name);
  if (Object.keys(config).length) {
    await h.database.db.whatsappSession.update({ where: { id: row.id }, data: { config } });
    row.config = config;
  }
  await h.pair(row, phone);
  return row;
}

describe("message store", () => {
  it("stores an incoming message, its chat and contact, and announces it", async () => {
    const row = await pairedSession("incoming", "15552220001");
    const { id } = await h.emulator.sendMessage(CONTACT, "15552220001", { text: "hello gateway" });
    const event = await h.waitForEvent((e) => e.sessionId === row.sessionId && e.event === "message" && e.data.id === id);
    expect(event.data).toMatchObject({ fromMe: false, type: "TEXT", text: "hello gateway", pushName: "Carol Contact" });

    const message = await h.database.db.message.findUniqueOrThrow({ where: { sessionId_keyId: { sessionId: row.id, keyId: id } } });
    expect(message).toMatchObject({ remoteJid: `${CONTACT}@s.whatsapp.net`, fromMe: false, type: "TEXT", content: "hello gateway", ownerId: row.ownerId });
    const chat = await h.database.db.chat.findUniqueOrThrow({ where: { sessionId_jid: { sessionId: row.id, jid: `${CONTACT}@s.whatsapp.net` } } });
    expect(chat.unreadCount).toBe(1);
    const contact = await h.database.db.contact.findUniqueOrThrow({ where: { sessionId_jid: { sessionId: row.id, jid: `${CONTACT}@s.whatsapp.net` } } });
    expect(contact.notify).toBe("Carol Contact");
  });

  it("moves a sent message to DELIVERED and READ from the contact's receipts", async () => {
    const row = await pairedSession("receipts", "15552220002");
    h.emulator.setBehaviour(CONTACT, { deliveryReceipts: true, readReceipts: true });
    const sock = h.manager.get(row.id)!.socket!;
    const sent = await sock.sendMessage(`${CONTACT}@s.whatsapp.net`, { text: "did you get this?" });
    const keyId = sent!.key.id!;
    await waitUntil(
      async () => (await h.database.db.message.findUnique({ where: { sessionId_keyId: { sessionId: row.id, keyId } } }))?.status === "READ",
      15_000,
      () => "READ status",
    );
    const updates = h.recorded.filter((e) => e.sessionId === row.sessionId && e.event === "message.update" && e.data.id === keyId).map((e) => e.data.status);
    expect(updates.at(-1)).toBe("READ");
    expect(h.emulator.received(CONTACT).some((m) => m.id === keyId && m.text === "did you get this?")).toBe(true);
    h.emulator.setBehaviour(CONTACT, { readReceipts: false });
  });

  it("answers Baileys' getMessage from the store", async () => {
    const row = await pairedSession("getmessage", "15552220003");
    const sock = h.manager.get(row.id)!.socket!;
    const sent = await sock.sendMessage(`${CONTACT}@s.whatsapp.net`, { text: "keep me" });
    await waitUntil(
      async () => Boolean(await h.database.db.message.findUnique({ where: { sessionId_keyId: { sessionId: row.id, keyId: sent!.key.id! } } })),
      10_000,
      () => "stored",
    );
    // The same lookup Baileys does when a recipient asks for a retry.
    const loaded = await (
      h.manager.get(row.id) as unknown as { loadMessage(id: string): Promise<{ conversation?: string; extendedTextMessage?: { text?: string } }> }
    ).loadMessage(sent!.key.id!);
    expect(loaded?.conversation ?? loaded?.extendedTextMessage?.text).toBe("keep me");
  });

  it("applies a contact's edit to the stored message and announces it", async () => {
    const row = await pairedSession("edits", "15552220012");
    const original = await h.emulator.sendMessage(CONTACT, "15552220012", { text: "see you at 5" });
    await h.waitForEvent((e) => e.sessionId === row.sessionId && e.event === "message" && e.data.id === original.id);
    await h.emulator.sendMessage(CONTACT, "15552220012", { edit: { key: { id: original.id, fromMe: true }, text: "see you at 6" } });
    const edit = await h.waitForEvent(
      (e) => e.sessionId === row.sessionId && e.event === "message.update" && e.data.id === original.id && e.data.edited === true,
    );
    expect(edit.data.text).toBe("see you at 6");
    const stored = await h.database.db.message.findUniqueOrThrow({ where: { sessionId_keyId: { sessionId: row.id, keyId: original.id } } });
    expect(stored.content).toBe("see you at 6");
  });

  it("keeps two tenants' stores apart", async () => {
    const a = await pairedSession("tenant-a", "15552220004");
    const b = await pairedSession("tenant-b", "15552220005");
    expect(a.ownerId).not.toBe(b.ownerId);
    const { id } = await h.emulator.sendMessage(CONTACT, "15552220004", { text: "only for A" });
    await h.waitForEvent((e) => e.sessionId === a.sessionId && e.data.id === id);
    expect(await h.database.db.message.count({ where: { sessionId: b.id, keyId: id } })).toBe(0);
    expect(h.recorded.some((e) => e.sessionId === b.sessionId && e.data.id === id)).toBe(false);
    const stored = await h.database.db.message.findFirstOrThrow({ where: { keyId: id } });
    expect(stored.ownerId).toBe(a.ownerId);
  });
});

describe("session toggles", () => {
  it("readReceipts marks incoming messages read; without it the contact sees no read receipt", async () => {
    const on = await pairedSession("rr-on", "15552220006", { readReceipts: true });
    const off = await pairedSession("rr-off", "15552220007", { readReceipts: false });
    const first = await h.emulator.sendMessage(CONTACT, "15552220006", { text: "read me" });
    const second = await h.emulator.sendMessage(CONTACT, "15552220007", { text: "do not read me" });
    await h.waitForEvent((e) => e.sessionId === off.sessionId && e.data.id === second.id);
    const receiptsOf = (id: string) =>
      h.emulator
        .sent(CONTACT)
        .find((m) => m.id === id)
        ?.receipts.map((r) => r.type) ?? [];
    await waitUntil(
      () => receiptsOf(first.id).includes("read"),
      10_000,
      () => "read receipt",
    );
    expect(receiptsOf(second.id)).not.toContain("read");
    expect(on.sessionId).not.toBe(off.sessionId);
  });

  it("ghostMode sends no read receipts even with readReceipts on", async () => {
    const ghost = await pairedSession("ghost", "15552220008", { readReceipts: true, ghostMode: true });
    const sent = await h.emulator.sendMessage(CONTACT, "15552220008", { text: "are you there?" });
    await h.waitForEvent((e) => e.sessionId === ghost.sessionId && e.data.id === sent.id);
    await new Promise((r) => setTimeout(r, 500));
    expect(
      h.emulator
        .sent(CONTACT)
        .find((m) => m.id === sent.id)
        ?.receipts.map((r) => r.type),
    ).not.toContain("read");
  });

  it("antiDelete keeps a message its sender revoked and announces the revoke", async () => {
    const keep = await pairedSession("antidelete", "15552220009", { antiDelete: true });
    const drop = await pairedSession("no-antidelete", "15552220010", { antiDelete: false });
    for (const [row, phone] of [
      [keep, "15552220009"],
      [drop, "15552220010"],
    ] as const) {
      const original = await h.emulator.sendMessage(CONTACT, phone, { text: "oops, wrong chat" });
      await h.waitForEvent((e) => e.sessionId === row.sessionId && e.data.id === original.id);
      await h.emulator.sendMessage(CONTACT, phone, { revoke: { id: original.id, fromMe: true } });
      const revoke = await h.waitForEvent((e) => e.sessionId === row.sessionId && e.event === "message.revoke" && e.data.id === original.id);
      const stored = await h.database.db.message.findUniqueOrThrow({ where: { sessionId_keyId: { sessionId: row.id, keyId: original.id } } });
      expect(stored.revokedAt).toBeInstanceOf(Date);
      if (row === keep) {
        expect(revoke.data).toMatchObject({ kept: true, content: "oops, wrong chat" });
        expect(stored.content).toBe("oops, wrong chat");
      } else {
        expect(revoke.data).toMatchObject({ kept: false });
        expect(stored.content).toBeNull();
      }
    }
  });

  it("ppGuard puts the fallback picture back when the account's picture is removed", async () => {
    const picture = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#1e90ff" } })
      .jpeg()
      .toBuffer();
    const guarded = h.newManager();
    // The guard downloads the fallback through the manager's (guarded) fetch; here it is served locally.
    (guarded.ctx as { fetchBytes: (url: string) => Promise<Buffer> }).fetchBytes = async () => picture;
    const row = await h.createSession("ppguard");
    await h.database.db.whatsappSession.update({
      where: { id: row.id },
      data: { config: { ppGuardEnabled: true, ppGuardFallbackUrl: "https://example.com/p.jpg" } },
    });
    row.config = { ppGuardEnabled: true, ppGuardFallbackUrl: "https://example.com/p.jpg" };
    const live = await guarded.connect(row);
    h.emulator.createAccount({ phone: "15552220011" });
    await h.emulator.scanQr(live.qr!, { phone: "15552220011" });
    // Connected without a picture: the guard sets the fallback at once.
    await h.waitForEvent((e) => e.sessionId === row.sessionId && e.event === "profile.picture.restored");
    const sock = guarded.get(row.id)!.socket!;
    expect(await sock.profilePictureUrl("15552220011@s.whatsapp.net", "image")).toBeTruthy();
    await guarded.shutdown();
  });
});
