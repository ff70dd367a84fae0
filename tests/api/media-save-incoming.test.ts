// saveIncomingMedia with real Baileys against the emulator: a contact sends media to a paired
// session, the message is stored by the session's store handler, and the function downloads its
// media from the emulator's media host (over TLS, trusted through the emulator's download options),
// decrypts it and keeps it under DATA_DIR, exactly as sent.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { proto, type WAMessage } from "@whiskeysockets/baileys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveIncomingMedia } from "@/lib/media/save-incoming-media";
import type { SessionRow } from "@/lib/whatsapp/session-manager";
import { samplePdf, samplePng } from "../fixtures/media-samples";
import { startHarness, waitUntil, type Harness } from "../support/whatsapp-harness";

const SESSION_PHONE = "15557770001";
const CONTACT = "15557770002";
let h: Harness;
let row: SessionRow;
let dataDir: string;

beforeAll(async () => {
  h = await startHarness();
  dataDir = mkdtempSync(path.join(tmpdir(), "wagate-media-"));
  row = await h.createSession("incoming media");
  await h.pair(row, SESSION_PHONE);
  h.emulator.createAccount({ phone: CONTACT, name: "Sender" });
}, 60_000);

afterAll(async () => {
  await h?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The contact sends; resolves with the message as the session stored it (what the store handler would pass on). */
async function receive(content: Parameters<Harness["emulator"]["sendMessage"]>[2]): Promise<WAMessage> {
  const sent = (await h.emulator.sendMessage(CONTACT, SESSION_PHONE, content)) as { id: string };
  let stored: { keyId: string; remoteJid: string; fromMe: boolean; raw: Uint8Array | null } | null = null;
  await waitUntil(
    async () =>
      Boolean(
        (stored = await h.database.db.message.findFirst({
          where: { sessionId: row.id, keyId: sent.id },
          select: { keyId: true, remoteJid: true, fromMe: true, raw: true },
        })),
      ),
    20_000,
    () => `message ${sent.id} in the store`,
  );
  const s = stored!;
  return { key: { id: s.keyId, remoteJid: s.remoteJid, fromMe: s.fromMe }, message: proto.Message.decode(s.raw!) };
}

const deps = () => ({ db: h.database.db, dataDir, downloadOptions: h.emulator.downloadOptions });

describe("saveIncomingMedia", () => {
  it("keeps a received image byte for byte, as INCOMING media of the session and message", async () => {
    const png = await samplePng();
    const msg = await receive({ image: png, mimetype: "image/png", caption: "look" });
    const saved = await saveIncomingMedia(deps(), row, msg);
    expect(saved).toEqual({ mediaId: expect.any(String) });

    const media = await h.database.db.media.findUniqueOrThrow({ where: { id: saved!.mediaId } });
    expect(media).toMatchObject({
      ownerId: row.ownerId,
      sessionId: row.id,
      source: "INCOMING",
      mimetype: "image/png",
      size: png.length,
      messageKeyId: msg.key.id,
      fileName: null,
    });
    expect(media.path.startsWith(`${row.ownerId}/`)).toBe(true);
    expect(readFileSync(path.join(dataDir, "media", media.path)).equals(png)).toBe(true);

    // The same message again (a re-delivered upsert) gives the first copy, not a second file.
    expect(await saveIncomingMedia(deps(), row, msg)).toEqual(saved);
    expect(await h.database.db.media.count({ where: { sessionId: row.id, messageKeyId: msg.key.id } })).toBe(1);
  });

  it("records a document by its detected type, not the one the sender declared, with its cleaned file name", async () => {
    const pdf = samplePdf();
    const msg = await receive({ document: pdf, mimetype: "text/html", fileName: "../Laporan Q1.pdf" });
    const saved = await saveIncomingMedia(deps(), row, msg);
    const media = await h.database.db.media.findUniqueOrThrow({ where: { id: saved!.mediaId } });
    expect(media).toMatchObject({ mimetype: "application/pdf", fileName: "Laporan Q1.pdf" });
    expect(readFileSync(path.join(dataDir, "media", media.path)).equals(pdf)).toBe(true);
  });

  it("keeps a file of a type it does not know as application/octet-stream", async () => {
    const bytes = Buffer.from("name,amount\nBudi,10\n");
    const msg = await receive({ document: bytes, mimetype: "text/csv", fileName: "data.csv" });
    const media = await h.database.db.media.findUniqueOrThrow({ where: { id: (await saveIncomingMedia(deps(), row, msg))!.mediaId } });
    expect(media.mimetype).toBe("application/octet-stream");
  });

  it("returns null for a message without media, and for media over maxBytes", async () => {
    expect(await saveIncomingMedia(deps(), row, await receive({ text: "no media here" }))).toBeNull();
    const big = await receive({ document: Buffer.concat([samplePdf(), Buffer.alloc(5000)]), fileName: "big.pdf" });
    expect(await saveIncomingMedia({ ...deps(), maxBytes: 1000 }, row, big)).toBeNull();
  });
});
