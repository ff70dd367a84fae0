import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startWaEmulator, type WaEmulator } from "@/lib/wa-emulator/emulator";
import { close, connect, pairClient, textOf, trackFailures, waitUntilReady, type Client } from "./helpers";

const OWNER = "15550005001";
const ALICE = "15550005002";
const BOB = "15550005003";
const CAROL = "15550005004";
const jid = (phone: string) => `${phone}@s.whatsapp.net`;

describe("groups", () => {
  let emulator: WaEmulator;
  let failures: () => string[];
  let gateway: Client;
  let groupJid: string;

  beforeAll(async () => {
    emulator = await startWaEmulator();
    failures = trackFailures(emulator);
    emulator.createAccount({ phone: OWNER, name: "Owner" });
    emulator.createAccount({ phone: ALICE, name: "Alice" });
    emulator.createAccount({ phone: BOB, name: "Bob" });
    emulator.createAccount({ phone: CAROL, name: "Carol" });
    gateway = await pairClient(emulator, OWNER);
    groupJid = emulator.createGroup(ALICE, "Team", [OWNER, BOB]);
  });
  afterEach(() => expect(failures()).toEqual([]));
  afterAll(async () => {
    close(gateway);
    await emulator.stop();
  });

  it("announces a group the companion was added to and serves its metadata", async () => {
    const [upserted] = await gateway.log.waitFor("groups.upsert", (gs) => gs.some((g) => g.id === groupJid));
    expect(upserted!.subject).toBe("Team");
    const meta = await gateway.sock.groupMetadata(groupJid);
    expect(meta.participants.map((p) => [p.id, p.admin])).toEqual([
      [jid(ALICE), "superadmin"],
      [jid(OWNER), null],
      [jid(BOB), null],
    ]);
    const all = await gateway.sock.groupFetchAllParticipating();
    expect(Object.keys(all)).toEqual([groupJid]);
  });

  it("carries group messages both ways with sender keys", async () => {
    const fromAlice = await emulator.sendMessage(ALICE, groupJid, "hello team");
    const msg = await gateway.log.waitForMessage((m) => m.key.id === fromAlice.id);
    expect(textOf(msg)).toBe("hello team");
    expect(msg.key.remoteJid).toBe(groupJid);
    expect(msg.key.participant).toBe(jid(ALICE));

    const second = await emulator.sendMessage(ALICE, groupJid, "second, sender key only");
    expect(textOf(await gateway.log.waitForMessage((m) => m.key.id === second.id))).toBe("second, sender key only");

    const atBob = emulator.waitFor("message", (e) => e.phone === BOB && e.message.text === "hi all");
    const atAlice = emulator.waitFor("message", (e) => e.phone === ALICE && e.message.text === "hi all");
    const sent = await gateway.sock.sendMessage(groupJid, { text: "hi all" });
    const [bob, alice] = await Promise.all([atBob, atAlice]);
    expect(bob.message.chat).toBe(groupJid);
    expect(alice.message.id).toBe(sent!.key.id);
    // Group receipts surface per participant (or merged into the buffered upsert of our message).
    await Promise.race([
      gateway.log.waitFor("message-receipt.update", (rs) => rs.some((r) => r.key.id === sent!.key.id)),
      gateway.log.waitFor("messages.upsert", (u) => u.messages.some((m) => m.key.id === sent!.key.id && !!m.userReceipt?.length)),
    ]);
  });

  // A new socket knows no device lists, so its first group send re-fetches every member's keys
  // and starts new Signal sessions it does not use: members already hold its sender key.
  it("keeps group and 1:1 chats with members decrypting after the companion reconnects", async () => {
    gateway.sock.end(undefined);
    await gateway.log.waitForClose();
    gateway = connect(emulator, gateway.auth);
    await waitUntilReady(gateway);

    const atBob = emulator.waitFor("message", (e) => e.phone === BOB && e.message.text === "back again");
    await gateway.sock.sendMessage(groupJid, { text: "back again" });
    await atBob;
    for (const member of [ALICE, BOB]) {
      const hello = await emulator.sendMessage(member, OWNER, `1:1 from ${member}`);
      expect(textOf(await gateway.log.waitForMessage((m) => m.key.id === hello.id))).toBe(`1:1 from ${member}`);
      const reply = emulator.waitFor("message", (e) => e.phone === member && e.message.text === `1:1 to ${member}`);
      await gateway.sock.sendMessage(jid(member), { text: `1:1 to ${member}` });
      await reply;
    }
  });

  it("turns participant changes into group-participants.update", async () => {
    emulator.updateGroupParticipants(ALICE, groupJid, "promote", [OWNER]);
    const promoted = await gateway.log.waitFor("group-participants.update", (u) => u.action === "promote");
    expect(promoted.participants.map((p) => p.id)).toEqual([jid(OWNER)]);
    expect(promoted.author).toBe(jid(ALICE));

    const result = await gateway.sock.groupParticipantsUpdate(groupJid, [jid(CAROL)], "add");
    expect(result.map((r) => [r.jid, r.status])).toEqual([[jid(CAROL), "200"]]);
    const added = await gateway.log.waitFor("group-participants.update", (u) => u.action === "add");
    expect(added.participants.map((p) => p.id)).toEqual([jid(CAROL)]);
    expect(emulator.groupMetadata(groupJid)!.participants.map((p) => p.phone)).toContain(CAROL);

    emulator.updateGroupParticipants(ALICE, groupJid, "remove", [CAROL]);
    const removed = await gateway.log.waitFor("group-participants.update", (u) => u.action === "remove");
    expect(removed.participants.map((p) => p.id)).toEqual([jid(CAROL)]);

    emulator.updateGroupParticipants(ALICE, groupJid, "demote", [OWNER]);
    await gateway.log.waitFor("group-participants.update", (u) => u.action === "demote");
  });

  it("updates subject, description and settings", async () => {
    emulator.updateGroupParticipants(ALICE, groupJid, "promote", [OWNER]);
    await gateway.sock.groupUpdateSubject(groupJid, "Renamed");
    await gateway.sock.groupUpdateDescription(groupJid, "what we do");
    await gateway.sock.groupSettingUpdate(groupJid, "announcement");
    await gateway.sock.groupSettingUpdate(groupJid, "locked");
    expect(emulator.groupMetadata(groupJid)).toMatchObject({ subject: "Renamed", description: "what we do", announce: true, locked: true });

    emulator.setGroupSubject(ALICE, groupJid, "By Alice");
    await gateway.log.waitFor("groups.update", (us) => us.some((u) => u.subject === "By Alice"));
    emulator.setGroupSetting(ALICE, groupJid, "not_announcement");
    await gateway.log.waitFor("groups.update", (us) => us.some((u) => u.announce === false));
    const meta = await gateway.sock.groupMetadata(groupJid);
    expect(meta).toMatchObject({ subject: "By Alice", desc: "what we do", announce: false, restrict: true });
  });

  it("handles invite codes: get, revoke, join", async () => {
    const code = await gateway.sock.groupInviteCode(groupJid);
    expect(code).toBe(emulator.groupInviteCode(groupJid));
    const revoked = await gateway.sock.groupRevokeInvite(groupJid);
    expect(revoked).not.toBe(code);
    emulator.joinGroupViaInvite(CAROL, revoked!);
    const joined = await gateway.log.waitForNext("group-participants.update", (u) => u.action === "add");
    expect(joined.participants.map((p) => p.id)).toEqual([jid(CAROL)]);
  });

  it("creates and leaves groups from the companion", async () => {
    const created = await gateway.sock.groupCreate("Side project", [jid(BOB)]);
    expect(created.participants.map((p) => p.id)).toEqual([jid(OWNER), jid(BOB)]);
    expect(emulator.participatingGroups(BOB).map((g) => g.subject)).toContain("Side project");
    const atBob = emulator.waitFor("message", (e) => e.phone === BOB && e.message.chat === created.id);
    await gateway.sock.sendMessage(created.id, { text: "kickoff" });
    expect((await atBob).message.text).toBe("kickoff");
    await gateway.sock.groupLeave(created.id);
    expect(emulator.groupMetadata(created.id)!.participants.map((p) => p.phone)).toEqual([BOB]);
  });
});
