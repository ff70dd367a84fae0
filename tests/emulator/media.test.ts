import { randomBytes } from "node:crypto";
import { downloadMediaMessage } from "@whiskeysockets/baileys";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startWaEmulator, type WaEmulator } from "@/lib/wa-emulator/emulator";
import { close, pairClient, trackFailures, type Client } from "./helpers";

const OWNER = "15550004001";
const CONTACT = "15550004002";

describe("media", () => {
  let emulator: WaEmulator;
  let failures: () => string[];
  let gateway: Client;

  beforeAll(async () => {
    emulator = await startWaEmulator();
    failures = trackFailures(emulator);
    emulator.createAccount({ phone: OWNER });
    emulator.createAccount({ phone: CONTACT, name: "Media Contact" });
    gateway = await pairClient(emulator, OWNER);
  });
  afterEach(() => expect(failures()).toEqual([]));
  afterAll(async () => {
    close(gateway);
    await emulator.stop();
  });

  const kinds = [
    { kind: "image", field: "imageMessage", mimetype: "image/jpeg" },
    { kind: "document", field: "documentMessage", mimetype: "application/pdf" },
    { kind: "audio", field: "audioMessage", mimetype: "audio/ogg; codecs=opus" },
    { kind: "video", field: "videoMessage", mimetype: "video/mp4" },
    { kind: "sticker", field: "stickerMessage", mimetype: "image/webp" },
  ] as const;

  it.each(kinds)("contact → companion $kind downloads byte-equal", async ({ kind, field, mimetype }) => {
    const bytes = randomBytes(5_000 + Math.floor(Math.random() * 1000));
    const sent = await emulator.sendMessage(CONTACT, OWNER, { [kind]: bytes, mimetype, fileName: "x.bin" } as never);
    const msg = await gateway.log.waitForMessage((m) => m.key.id === sent.id);
    expect(msg.message?.[field]).toBeTruthy();
    const downloaded = await downloadMediaMessage(msg, "buffer", emulator.downloadOptions);
    expect(Buffer.compare(downloaded, bytes)).toBe(0);
  });

  it.each(kinds)("companion → contact $kind uploads and decrypts byte-equal", async ({ kind, field, mimetype }) => {
    const bytes = randomBytes(4_000);
    const received = emulator.waitFor("message", (e) => e.phone === CONTACT && !!e.message.message[field]);
    const content = { [kind]: bytes, mimetype, ...(kind === "document" ? { fileName: "report.pdf" } : {}) };
    await gateway.sock.sendMessage(`${CONTACT}@s.whatsapp.net`, content as never);
    const { message } = await received;
    expect(Buffer.compare(await emulator.downloadMedia(message.message), bytes)).toBe(0);
  });
});
