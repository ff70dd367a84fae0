import { randomBytes } from "node:crypto";
import { downloadMediaMessage, getBinaryNodeChild, getBinaryNodeChildren, WA_CERT_DETAILS, type BinaryNode } from "@whiskeysockets/baileys";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startWaEmulator, type WaEmulator } from "@/lib/wa-emulator/emulator";
import { close, connect, pairClient, textOf, trackFailures, waitUntilReady, type Client } from "./helpers";

const OWNER = "15550007001";
const CONTACT = "15550007002";
const contactJid = `${CONTACT}@s.whatsapp.net`;

/** "sender → recipient cipher-type" for every 1:1 ciphertext between a companion and a phone. */
function recordCipherTypes(emulator: WaEmulator): string[] {
  const seen: string[] = [];
  const user = (jid: string) => jid.split("@")[0];
  emulator.on("stanza", ({ direction, node, connection }: { direction: "in" | "out"; node: BinaryNode; connection: { device?: { pnJid: string } } }) => {
    const companion = connection.device?.pnJid;
    if (node.tag !== "message" || !companion || !Array.isArray(node.content)) return;
    for (const child of node.content) {
      if (direction === "out" && child.tag === "enc") seen.push(`${user(node.attrs.from!)} → ${user(companion)} ${child.attrs.type}`);
      if (direction === "in" && child.tag === "participants") {
        for (const to of getBinaryNodeChildren(child, "to")) {
          const enc = getBinaryNodeChild(to, "enc");
          if (enc) seen.push(`${user(companion)} → ${user(to.attrs.jid!)} ${enc.attrs.type}`);
        }
      }
    }
  });
  return seen;
}

describe("offline delivery and restarts from saved state", () => {
  const emulators: WaEmulator[] = [];
  const clients: Client[] = [];
  const failureTrackers: Array<() => string[]> = [];

  async function start(options: Parameters<typeof startWaEmulator>[0] = {}) {
    const emulator = await startWaEmulator(options);
    emulators.push(emulator);
    failureTrackers.push(trackFailures(emulator));
    return emulator;
  }
  const track = (client: Client) => (clients.push(client), client);

  afterEach(() => expect(failureTrackers.flatMap((failures) => failures())).toEqual([]));
  afterAll(async () => {
    close(...clients);
    for (const emulator of emulators) await emulator.stop();
  });

  it("delivers what contacts sent while the companion was offline once it logs back in", async () => {
    const emulator = await start();
    emulator.createAccount({ phone: "15550007101", name: "Owner" });
    emulator.createAccount({ phone: "15550007102", name: "Alice" });
    const gateway = track(await pairClient(emulator, "15550007101"));
    const companionJid = gateway.auth.state.creds.me!.id;
    gateway.sock.end(undefined);
    await emulator.waitFor("companion-disconnect", (e) => e.phone === "15550007101");

    const first = await emulator.sendMessage("15550007102", "15550007101", "while you were away");
    const second = await emulator.sendMessage("15550007102", "15550007101", "and one more");
    // Only the owner's phone has them so far.
    const receiptsFrom = (id: string) =>
      emulator
        .sent("15550007102")
        .find((s) => s.id === id)!
        .receipts.map((r) => r.from);
    expect(receiptsFrom(first.id)).toEqual(["15550007101@s.whatsapp.net"]);

    const receipts = Promise.all(
      [first, second].map((m) => emulator.waitFor("receipt", (r) => r.receipt.messageId === m.id && r.receipt.from === companionJid)),
    );
    const again = track(connect(emulator, gateway.auth));
    const texts = await Promise.all([first, second].map((m) => again.log.waitForMessage((msg) => msg.key.id === m.id).then(textOf)));
    expect(texts).toEqual(["while you were away", "and one more"]);
    // The contact learns that its messages reached the companion once it took them.
    expect((await receipts).map((r) => r.receipt.type)).toEqual(["delivery", "delivery"]);
    expect(receiptsFrom(second.id)).toEqual(["15550007101@s.whatsapp.net", companionJid]);
  });

  it("brings a paired companion back after a restart from JSON-saved state: no QR, same Signal sessions", async () => {
    const before = await start();
    before.createAccount({ phone: OWNER, name: "Owner" });
    before.createAccount({ phone: CONTACT, name: "Alice" });
    const gateway = track(await pairClient(before, OWNER));

    const hello = await before.sendMessage(CONTACT, OWNER, "hello before the restart");
    await gateway.log.waitForMessage((m) => m.key.id === hello.id);
    const picture = randomBytes(3_000);
    const image = await before.sendMessage(CONTACT, OWNER, { image: picture, caption: "keep this" });
    const imageMessage = await gateway.log.waitForMessage((m) => m.key.id === image.id);
    const answered = before.waitFor("message", (e) => e.phone === CONTACT && e.message.text === "reply before the restart");
    await gateway.sock.sendMessage(contactJid, { text: "reply before the restart" });
    await answered;
    // Alice answers on whatever session the companion started, so neither end has one pending.
    const gotIt = await before.sendMessage(CONTACT, OWNER, "got it");
    await gateway.log.waitForMessage((m) => m.key.id === gotIt.id);

    gateway.sock.end(undefined);
    await before.waitFor("companion-disconnect", (e) => e.phone === OWNER);
    // Queued for the offline companion: must survive the restart too.
    const queued = await before.sendMessage(CONTACT, OWNER, "sent while the gateway was down");
    const state = JSON.parse(JSON.stringify(before.saveState()));
    const trustedRoot = Buffer.from(WA_CERT_DETAILS.PUBLIC_KEY);
    await before.stop();

    const after = await start({ state });
    const again = track(connect(after, gateway.auth));
    // The restarted network presents the same Noise root, so the trust set from before holds.
    expect(Buffer.from(WA_CERT_DETAILS.PUBLIC_KEY).equals(trustedRoot)).toBe(true);
    await waitUntilReady(again);
    expect(again.log.events.some((e) => e.name === "connection.update" && e.data.qr)).toBe(false);
    expect(after.getAccount(OWNER)!.devices.map((d) => d.online)).toEqual([true]);

    expect(textOf(await again.log.waitForMessage((m) => m.key.id === queued.id))).toBe("sent while the gateway was down");
    // The phone carries on with the session it had: a plain msg the companion decrypts with
    // the session it kept in its own auth state.
    const cipherTypes = recordCipherTypes(after);
    const fromContact = await after.sendMessage(CONTACT, OWNER, "hello after the restart");
    expect(textOf(await again.log.waitForMessage((m) => m.key.id === fromContact.id))).toBe("hello after the restart");
    expect(cipherTypes).toEqual([`${CONTACT} → ${OWNER}:1 msg`]);
    // (A new socket's first send re-fetches the recipient's keys, so this one starts a new
    // session; the phone decrypts it with the identity and signed prekey it kept.)
    const toContact = after.waitFor("message", (e) => e.phone === CONTACT && e.message.text === "reply after the restart");
    await again.sock.sendMessage(contactJid, { text: "reply after the restart" });
    expect((await toContact).message.fromPhone).toBe(OWNER);

    // Media stored before the restart still downloads: same host, same TLS certificate.
    const downloaded = await downloadMediaMessage(imageMessage, "buffer", after.downloadOptions);
    expect(Buffer.compare(downloaded, picture)).toBe(0);
  });
});
