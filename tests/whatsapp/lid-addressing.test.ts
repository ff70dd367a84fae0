// Issue 11: contacts and groups WhatsApp addresses by LID. What they send is stored and announced
// under their phone-number JID (learned from the stanza, the way Baileys 7 learns it), with the LID
// beside it; the mapping is kept per session; sends by phone number still reach them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../support/wait";
import { startHarness, waitUntil, type Harness } from "../support/whatsapp-harness";

let h: Harness;
const ME = "15556660001";
const DAVE = "15556660002"; // addressed by LID in 1:1 chats
const ERIN = "15556660003";
const FRANK = "15556660004";
const jid = (phone: string) => `${phone}@s.whatsapp.net`;
const reports: string[] = [];
let row: Awaited<ReturnType<Harness["createSession"]>>;

beforeAll(async () => {
  h = await startHarness();
  for (const [phone, name] of [
    [DAVE, "Dave"],
    [ERIN, "Erin"],
    [FRANK, "Frank"],
  ])
    h.emulator.createAccount({ phone, name });
  h.emulator.setBehaviour(DAVE, { lidAddressing: true });
  h.emulator.on("error-report", (r: { error: unknown; phone?: string; from?: string }) => reports.push(`${r.phone} from ${r.from}: ${String(r.error)}`));
  row = await h.createSession("lid");
  await h.pair(row, ME);
});
// Nothing failed to decrypt on either side of the network.
afterEach(() => expect(reports.splice(0)).toEqual([]));
afterAll(async () => {
  await h?.close();
});

describe("LID addressing", () => {
  it("a LID-addressed contact's message is stored and announced with the phone number, the LID beside it", async () => {
    const daveLid = h.emulator.getAccount(DAVE)!.lid;
    const { id } = await h.emulator.sendMessage(DAVE, ME, { text: "hello from a LID" });
    const event = await h.waitForEvent((e) => e.sessionId === row.sessionId && e.event === "message" && e.data.id === id);
    expect(event.data).toMatchObject({ remoteJid: jid(DAVE), remoteJidAlt: daveLid, from: jid(DAVE), text: "hello from a LID" });

    const stored = await h.database.db.message.findUniqueOrThrow({ where: { sessionId_keyId: { sessionId: row.id, keyId: id } } });
    expect(stored.remoteJid).toBe(jid(DAVE));
    // The row itself carries the LID beside the phone number.
    expect(stored.remoteLid).toBe(daveLid);
    expect(stored.senderLid).toBeNull();
    const mapping = await h.database.db.lidMapping.findUnique({ where: { sessionId_lid: { sessionId: row.id, lid: daveLid } } });
    expect(mapping?.phoneJid).toBe(jid(DAVE));
    const chats = await h.database.db.chat.findMany({ where: { sessionId: row.id } });
    expect(chats.map((c) => c.jid)).toContain(jid(DAVE));
    expect(chats.map((c) => c.jid)).not.toContain(daveLid);

    // A reply by phone number reaches Dave.
    const sock = h.manager.get(row.id)!.socket!;
    const arrived = h.emulator.waitFor("message", (e) => e.phone === DAVE && e.message.text === "hi Dave");
    const reply = await sock.sendMessage(jid(DAVE), { text: "hi Dave" });
    await arrived;
    // Sent by phone number: the stored row gains Dave's LID from the session's mapping.
    const own = await waitFor("the reply to be stored", () =>
      h.database.db.message.findUnique({ where: { sessionId_keyId: { sessionId: row.id, keyId: reply!.key.id! } } }),
    );
    expect(own).toMatchObject({ fromMe: true, remoteJid: jid(DAVE), remoteLid: daveLid });
  });

  it("a LID-addressed group: members stored by phone number with their LIDs; messages both ways", async () => {
    const groupJid = h.emulator.createGroup(ERIN, "LID group", [ME, FRANK], { addressingMode: "lid" });
    await waitUntil(
      async () => (await h.database.db.groupParticipant.count({ where: { group: { sessionId: row.id, jid: groupJid } } })) === 3,
      20_000,
      () => "the LID group to be stored",
    );
    const group = await h.database.db.group.findUniqueOrThrow({
      where: { sessionId_jid: { sessionId: row.id, jid: groupJid } },
      include: { participants: true },
    });
    expect(group.addressingMode).toBe("lid");
    expect(group.ownerJid).toBe(jid(ERIN));
    const erin = group.participants.find((p) => p.jid === jid(ERIN));
    expect(erin).toMatchObject({ phoneJid: jid(ERIN), lid: h.emulator.getAccount(ERIN)!.lid, admin: "superadmin" });

    const { id } = await h.emulator.sendMessage(ERIN, groupJid, { text: "hello LID group" });
    const event = await h.waitForEvent((e) => e.sessionId === row.sessionId && e.event === "message" && e.data.id === id);
    expect(event.data).toMatchObject({ remoteJid: groupJid, participant: jid(ERIN), participantAlt: h.emulator.getAccount(ERIN)!.lid, from: jid(ERIN) });
    const stored = await h.database.db.message.findUniqueOrThrow({ where: { sessionId_keyId: { sessionId: row.id, keyId: id } } });
    expect(stored.senderJid).toBe(jid(ERIN));
    expect(stored).toMatchObject({ senderLid: h.emulator.getAccount(ERIN)!.lid, remoteLid: null });

    const sock = h.manager.get(row.id)!.socket!;
    const atFrank = h.emulator.waitFor("message", (e) => e.phone === FRANK && e.message.text === "to the LID group", 30_000);
    await sock.sendMessage(groupJid, { text: "to the LID group" });
    await atFrank;
    expect(h.emulator.groupMetadataFetches(groupJid)).toBe(0);

    // Who did what, by phone number with the LID beside it.
    h.emulator.updateGroupParticipants(ERIN, groupJid, "add", [DAVE]);
    const added = await h.waitForEvent(
      (e) => e.sessionId === row.sessionId && e.event === "group.participants" && e.data.jid === groupJid && e.data.action === "add",
    );
    expect(added.data).toMatchObject({ author: jid(ERIN) });
    expect(added.data.participants).toMatchObject([{ id: jid(DAVE), lid: h.emulator.getAccount(DAVE)!.lid }]);
    await waitUntil(
      async () =>
        (await h.database.db.groupParticipant.count({
          where: { group: { sessionId: row.id, jid: groupJid }, jid: jid(DAVE), lid: h.emulator.getAccount(DAVE)!.lid },
        })) === 1,
      20_000,
      () => "Dave stored by phone number in the LID group",
    );
  });
});
