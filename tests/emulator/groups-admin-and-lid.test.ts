// The emulator's group administration rules, group pictures, metadata-fetch counting and LID
// addressing, seen from a bare Baileys client.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startWaEmulator, type WaEmulator } from "@/lib/wa-emulator/emulator";
import { close, pairClient, textOf, trackFailures, type Client } from "./helpers";

const OWNER = "15550007001";
const ALICE = "15550007002";
const BOB = "15550007003";
const DAVE = "15550007004";
const jid = (phone: string) => `${phone}@s.whatsapp.net`;

describe("group rules, pictures and LID addressing", () => {
  let emulator: WaEmulator;
  let failures: () => string[];
  let gateway: Client;

  beforeAll(async () => {
    emulator = await startWaEmulator();
    failures = trackFailures(emulator);
    for (const [phone, name] of [
      [OWNER, "Owner"],
      [ALICE, "Alice"],
      [BOB, "Bob"],
      [DAVE, "Dave"],
    ])
      emulator.createAccount({ phone: phone!, name });
    gateway = await pairClient(emulator, OWNER);
  });
  afterEach(() => expect(failures()).toEqual([]));
  afterAll(async () => {
    close(gateway);
    await emulator.stop();
  });

  it("refuses admin-only changes from a member, and counts metadata fetches", async () => {
    const group = emulator.createGroup(ALICE, "Rules", [OWNER, BOB]);
    await gateway.log.waitFor("groups.upsert", (gs) => gs.some((g) => g.id === group));
    await expect(gateway.sock.groupSettingUpdate(group, "announcement")).rejects.toMatchObject({ data: 403 });
    await expect(gateway.sock.groupParticipantsUpdate(group, [jid(DAVE)], "add")).rejects.toMatchObject({ data: 403 });
    await expect(gateway.sock.groupInviteCode(group)).rejects.toMatchObject({ data: 401 });
    await expect(gateway.sock.groupRevokeInvite(group)).rejects.toMatchObject({ data: 403 });
    // Members may edit the group's info until it is locked.
    await gateway.sock.groupUpdateSubject(group, "By a member");
    emulator.setGroupSetting(ALICE, group, "locked");
    await expect(gateway.sock.groupUpdateSubject(group, "Not any more")).rejects.toMatchObject({ data: 403 });

    const before = emulator.groupMetadataFetches(group);
    await gateway.sock.groupMetadata(group);
    await gateway.sock.groupMetadata(group);
    expect(emulator.groupMetadataFetches(group)).toBe(before + 2);
  });

  it("sets a group picture and announces it to the members", async () => {
    const group = emulator.createGroup(ALICE, "Pictures", [OWNER]);
    await gateway.log.waitFor("groups.upsert", (gs) => gs.some((g) => g.id === group));
    const image = Buffer.from("not really a jpeg, but bytes all the same");
    await gateway.sock.updateProfilePicture(group, image).catch(async () => {
      // Baileys resizes real images; the emulator only needs bytes, so send them as they are.
      await gateway.sock.query({
        tag: "iq",
        attrs: { target: group, to: "s.whatsapp.net", type: "set", xmlns: "w:profile:picture" },
        content: [{ tag: "picture", attrs: { type: "image" }, content: image }],
      });
    });
    expect(emulator.groupMetadata(group)!.picture).toBeTruthy();
    await gateway.log.waitFor("contacts.update", (us) => us.some((u) => u.id === group && u.imgUrl === "changed"));
    expect(await gateway.sock.profilePictureUrl(group, "image")).toMatch(/^https:\/\//);
  });

  it("addresses a LID group by LID with phone numbers beside, both ways", async () => {
    const group = emulator.createGroup(ALICE, "LID", [OWNER, BOB], { addressingMode: "lid" });
    const [upserted] = await gateway.log.waitFor("groups.upsert", (gs) => gs.some((g) => g.id === group));
    expect(upserted!.addressingMode).toBe("lid");
    const alice = upserted!.participants.find((p) => p.phoneNumber === jid(ALICE));
    expect(alice).toMatchObject({ id: emulator.getAccount(ALICE)!.lid, admin: "superadmin" });

    const sent = await emulator.sendMessage(ALICE, group, "lid hello");
    const msg = await gateway.log.waitForMessage((m) => m.key.id === sent.id);
    expect(textOf(msg)).toBe("lid hello");
    expect(msg.key.participant).toBe(emulator.getAccount(ALICE)!.lid);
    expect(msg.key.participantAlt).toBe(jid(ALICE));

    const atBob = emulator.waitFor("message", (e) => e.phone === BOB && e.message.text === "lid reply");
    await gateway.sock.sendMessage(group, { text: "lid reply" });
    await atBob;
  });

  it("addresses a LID contact 1:1 by LID with sender_pn, and Baileys learns the mapping", async () => {
    emulator.setBehaviour(DAVE, { lidAddressing: true });
    const sent = await emulator.sendMessage(DAVE, OWNER, "from a lid");
    const msg = await gateway.log.waitForMessage((m) => m.key.id === sent.id);
    expect(msg.key.remoteJid).toBe(emulator.getAccount(DAVE)!.lid);
    expect(msg.key.remoteJidAlt).toBe(jid(DAVE));
    // Baileys answers with the device form (…:0@s.whatsapp.net) of the phone-number JID.
    expect(await gateway.sock.signalRepository.lidMapping.getPNForLID(emulator.getAccount(DAVE)!.lid)).toMatch(new RegExp(`^${DAVE}(:0)?@s\\.whatsapp\\.net$`));
  });
});
