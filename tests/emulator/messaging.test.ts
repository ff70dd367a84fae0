import { proto } from "@whiskeysockets/baileys";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startWaEmulator, type WaEmulator } from "@/lib/wa-emulator/emulator";
import { close, pairClient, textOf, trackFailures, type Client } from "./helpers";

const OWNER = "15550002001";
const CONTACT = "15550002002";
const OTHER_OWNER = "15550002003";
const SIMULTANEOUS_A = "15550002004";
const SIMULTANEOUS_B = "15550002005";
const SIMULTANEOUS_C = "15550002006";
const SLOW_OWNER = "15550002007";

describe("1:1 messaging", () => {
  let emulator: WaEmulator;
  let failures: () => string[];
  let gateway: Client;
  let otherGateway: Client;

  beforeAll(async () => {
    emulator = await startWaEmulator();
    failures = trackFailures(emulator);
    emulator.createAccount({ phone: OWNER, name: "Owner" });
    emulator.createAccount({ phone: CONTACT, name: "Alice" });
    emulator.createAccount({ phone: OTHER_OWNER, name: "Other Owner" });
    [gateway, otherGateway] = await Promise.all([pairClient(emulator, OWNER), pairClient(emulator, OTHER_OWNER)]);
  });
  afterEach(() => expect(failures()).toEqual([]));
  afterAll(async () => {
    close(gateway, otherGateway);
    await emulator.stop();
  });

  it("delivers a contact text to the companion, which answers with a receipt", async () => {
    const sent = await emulator.sendMessage(CONTACT, OWNER, "hello from Alice");
    const msg = await gateway.log.waitForMessage((m) => m.key.id === sent.id);
    expect(textOf(msg)).toBe("hello from Alice");
    expect(msg.key.remoteJid).toBe(`${CONTACT}@s.whatsapp.net`);
    expect(msg.key.fromMe).toBe(false);
    expect(msg.pushName).toBe("Alice");
    await emulator.waitFor("receipt", (r) => r.receipt.messageId === sent.id);
    expect(emulator.sent(CONTACT).find((s) => s.id === sent.id)!.receipts[0]!.type).toBe("delivery");
  });

  it("sends from the companion; the contact decrypts it and the sender sees delivery then read", async () => {
    emulator.setBehaviour(CONTACT, { readReceipts: true });
    const received = emulator.waitFor("message", (e) => e.phone === CONTACT);
    const sent = await gateway.sock.sendMessage(`${CONTACT}@s.whatsapp.net`, { text: "hi Alice" });
    const { message } = await received;
    expect(message.text).toBe("hi Alice");
    expect(message.id).toBe(sent!.key.id);
    expect(message.fromPhone).toBe(OWNER);
    expect(message.receiptsSent).toEqual(["delivery", "read"]);
    await gateway.log.waitForStatus(sent!.key.id!, proto.WebMessageInfo.Status.DELIVERY_ACK);
    await gateway.log.waitForStatus(sent!.key.id!, proto.WebMessageInfo.Status.READ);
    emulator.setBehaviour(CONTACT, { readReceipts: false });
  });

  it("keeps one Signal session going over several messages both ways", async () => {
    for (let i = 0; i < 3; i++) {
      const fromContact = await emulator.sendMessage(CONTACT, OWNER, `ping ${i}`);
      expect(textOf(await gateway.log.waitForMessage((m) => m.key.id === fromContact.id))).toBe(`ping ${i}`);
      const received = emulator.waitFor("message", (e) => e.phone === CONTACT && e.message.text === `pong ${i}`);
      await gateway.sock.sendMessage(`${CONTACT}@s.whatsapp.net`, { text: `pong ${i}` });
      await received;
    }
  });

  it("echoes texts back when the contact has the echo behaviour", async () => {
    emulator.setBehaviour(CONTACT, { echo: true });
    await gateway.sock.sendMessage(`${CONTACT}@s.whatsapp.net`, { text: "say it back" });
    const echoed = await gateway.log.waitForMessage((m) => !m.key.fromMe && textOf(m) === "say it back");
    expect(echoed.key.remoteJid).toBe(`${CONTACT}@s.whatsapp.net`);
    emulator.setBehaviour(CONTACT, { echo: false });
  });

  it("lets two gateway sessions message each other through the network", async () => {
    const sent = await gateway.sock.sendMessage(`${OTHER_OWNER}@s.whatsapp.net`, { text: "session to session" });
    const got = await otherGateway.log.waitForMessage((m) => m.key.id === sent!.key.id);
    expect(textOf(got)).toBe("session to session");
    expect(got.key.remoteJid).toBe(`${OWNER}@s.whatsapp.net`);
    await gateway.log.waitForStatus(sent!.key.id!, proto.WebMessageInfo.Status.DELIVERY_ACK);
    await otherGateway.sock.readMessages([got.key]);
    await gateway.log.waitForStatus(sent!.key.id!, proto.WebMessageInfo.Status.READ);
    const reply = await otherGateway.sock.sendMessage(`${OWNER}@s.whatsapp.net`, { text: "and back" });
    expect(textOf(await gateway.log.waitForMessage((m) => m.key.id === reply!.key.id))).toBe("and back");
  });

  // Both ends starting a Signal session with each other at once used to leave each end on the
  // session the other one started, and the companion's session ratchet corrupted (see
  // lib/wa-emulator/session-setup.ts). Each case is followed by traffic both ways.
  async function talkBothWays(contact: string, tag: string) {
    const fromContact = await emulator.sendMessage(contact, OWNER, `${tag}: ping`);
    expect(textOf(await gateway.log.waitForMessage((m) => m.key.id === fromContact.id))).toBe(`${tag}: ping`);
    const received = emulator.waitFor("message", (e) => e.phone === contact && e.message.text === `${tag}: pong`);
    await gateway.sock.sendMessage(`${contact}@s.whatsapp.net`, { text: `${tag}: pong` });
    await received;
    const again = await emulator.sendMessage(contact, OWNER, `${tag}: ping again`);
    expect(textOf(await gateway.log.waitForMessage((m) => m.key.id === again.id))).toBe(`${tag}: ping again`);
  }

  it("first contact at the same moment: the contact writes while the companion's first message is on its way", async () => {
    emulator.createAccount({ phone: SIMULTANEOUS_A, name: "Simultaneous A" });
    const arrives = emulator.waitFor("message", (e) => e.phone === SIMULTANEOUS_A && e.message.text === "hello A");
    await gateway.sock.sendMessage(`${SIMULTANEOUS_A}@s.whatsapp.net`, { text: "hello A" });
    // The companion's pkmsg has left but the emulator has not read it yet.
    const fromContact = await emulator.sendMessage(SIMULTANEOUS_A, OWNER, "hello gateway");
    await Promise.all([arrives, gateway.log.waitForMessage((m) => m.key.id === fromContact.id)]);
    await talkBothWays(SIMULTANEOUS_A, "A");
  });

  it("first contact at the same moment: the companion writes before it has read the contact", async () => {
    emulator.createAccount({ phone: SIMULTANEOUS_B, name: "Simultaneous B" });
    const arrives = emulator.waitFor("message", (e) => e.phone === SIMULTANEOUS_B && e.message.text === "hello B");
    const fromContact = await emulator.sendMessage(SIMULTANEOUS_B, OWNER, "hello gateway");
    await gateway.sock.sendMessage(`${SIMULTANEOUS_B}@s.whatsapp.net`, { text: "hello B" });
    await Promise.all([arrives, gateway.log.waitForMessage((m) => m.key.id === fromContact.id)]);
    await talkBothWays(SIMULTANEOUS_B, "B");
  });

  it("first contact at the same moment, with a slow (database-like) key store on the companion", async () => {
    emulator.createAccount({ phone: SLOW_OWNER, name: "Slow Owner" });
    emulator.createAccount({ phone: SIMULTANEOUS_C, name: "Simultaneous C" });
    const slow = await pairClient(emulator, SLOW_OWNER);
    // Widens the windows in which Baileys' key reads and writes interleave.
    slow.auth.writeLatencyMs = 40;
    try {
      const arrives = emulator.waitFor("message", (e) => e.phone === SIMULTANEOUS_C && e.message.text === "hello C");
      const fromContact = await emulator.sendMessage(SIMULTANEOUS_C, SLOW_OWNER, "hello slow gateway");
      await slow.sock.sendMessage(`${SIMULTANEOUS_C}@s.whatsapp.net`, { text: "hello C" });
      await Promise.all([arrives, slow.log.waitForMessage((m) => m.key.id === fromContact.id)]);
      for (const tag of ["1", "2"]) {
        const ping = await emulator.sendMessage(SIMULTANEOUS_C, SLOW_OWNER, `C${tag}: ping`);
        expect(textOf(await slow.log.waitForMessage((m) => m.key.id === ping.id))).toBe(`C${tag}: ping`);
        const pong = emulator.waitFor("message", (e) => e.phone === SIMULTANEOUS_C && e.message.text === `C${tag}: pong`);
        await slow.sock.sendMessage(`${SIMULTANEOUS_C}@s.whatsapp.net`, { text: `C${tag}: pong` });
        await pong;
      }
    } finally {
      close(slow);
    }
  });

  it("answers onWhatsApp for known and unknown numbers", async () => {
    const result = await gateway.sock.onWhatsApp(CONTACT, "15559990000");
    // Baileys drops numbers the server reports as not on WhatsApp.
    expect(result).toEqual([{ jid: `${CONTACT}@s.whatsapp.net`, exists: true }]);
  });
});
