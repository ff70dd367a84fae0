// Media through the whole gateway in sandbox mode (real Baileys against the emulated WhatsApp
// network): uploaded files sent by mediaId arrive at an emulated contact byte for byte, stickers
// are made and sent, media URLs on private addresses are refused, and uploads over the limit are 413
// however they are sent. The gateway runs with a small MEDIA_MAX_BYTES and without send pacing.
import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseStickerExif } from "@/lib/media/sticker-exif";
import { readWebpChunks } from "@/lib/media/webp-container";
import type { TestServer } from "../../scripts/serve-test.mjs";
import { expectOk, request } from "../support/api-client";
import { ALICE, pairedSession, registerTenant, startSandboxGateway } from "../support/sandbox";
import { waitFor } from "../support/wait";
import { samplePdf, samplePng, sampleDocx, sampleJpeg, sampleMp3, sampleMp4, sampleOggOpus, sampleWebp } from "../fixtures/media-samples";

const MAX_BYTES = 200_000;
const CONTACT = ALICE; // receives, never echoes
let gateway: TestServer;
let base: string;
let owner: { key: string };
let stranger: { key: string };
let sessionId: string;

beforeAll(async () => {
  gateway = await startSandboxGateway({
    MEDIA_MAX_BYTES: String(MAX_BYTES),
    PACING_MIN_GAP_MS: "0",
    PACING_JITTER_MS: "0",
    // This file checks that media URLs on private addresses are refused.
    ALLOW_PRIVATE_NETWORK_URLS: "false",
  });
  base = gateway.baseUrl;
  [owner, stranger] = await Promise.all([registerTenant(base, "mediasb"), registerTenant(base, "mediasbx")]);
  ({ sessionId } = await pairedSession(base, owner, { name: "Media" }));
});

afterAll(async () => {
  await gateway?.stop();
});

async function upload(bytes: Buffer, fileName: string, apiKey = owner.key) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), fileName);
  const res = await fetch(`${base}/api/media`, { method: "POST", headers: { "X-API-Key": apiKey }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

async function send(message: Record<string, unknown>, apiKey = owner.key) {
  return request("POST", "/api/chat/send", { baseUrl: base, as: { apiKey }, json: { sessionId, jid: CONTACT, message } });
}

/** What the contact received with this WhatsApp message id, once it has arrived. */
function received(messageId: string) {
  return waitFor(`message ${messageId} at the contact`, async () => {
    const res = expectOk(await request("GET", `/api/sandbox/contacts/${CONTACT}/messages`, { baseUrl: base, as: { apiKey: owner.key } }), "contact inbox");
    return (res.body as Array<{ id: string; kinds: string[]; message: Record<string, any> }>).find((m) => m.id === messageId);
  });
}

async function contactMedia(messageId: string, apiKey = owner.key) {
  const res = await fetch(`${base}/api/sandbox/contacts/${CONTACT}/messages/${messageId}/media`, { headers: { "X-API-Key": apiKey } });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe("media sent by mediaId arrives byte for byte", () => {
  const cases: Array<[string, () => Buffer | Promise<Buffer>, string, string, Record<string, unknown>]> = [
    ["a PNG image", () => samplePng(), "photo.png", "image", { caption: "a picture" }],
    ["a JPEG image", () => sampleJpeg(), "photo.jpg", "image", {}],
    ["a PDF document", samplePdf, "invoice.pdf", "document", { fileName: "invoice.pdf" }],
    ["a Word document", () => sampleDocx(), "letter.docx", "document", {}],
    ["a voice note (Ogg Opus)", sampleOggOpus, "voice.ogg", "audio", { ptt: true }],
    ["an MP3", () => sampleMp3(), "song.mp3", "audio", {}],
    ["an MP4 video", sampleMp4, "movie.mp4", "video", {}],
    ["a WebP sticker", () => sampleWebp(512, 512), "sticker.webp", "sticker", {}],
  ];

  it.each(cases)("%s", async (_what, make, fileName, kind, extra) => {
    const bytes = await make();
    const uploaded = await upload(bytes, fileName);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const sent = expectOk(await send({ [kind]: { mediaId: uploaded.body.mediaId }, ...extra }), `send ${kind}`).body;
    expect(sent).toMatchObject({ success: true, messageId: expect.any(String) });

    const message = await received(sent.messageId);
    const field = `${kind}Message`;
    expect(message.kinds).toContain(field);
    expect(message.message[field].mimetype).toBe(uploaded.body.mimetype);
    if (kind === "document") expect(message.message[field].fileName).toBe(fileName);
    const got = await contactMedia(sent.messageId);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(bytes)).toBe(true);
  });

  it("is refused when the file does not fit the message kind, naming the file", async () => {
    const pdf = await upload(samplePdf(), "x.pdf");
    const res = await send({ image: { mediaId: pdf.body.mediaId } });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain(`image.mediaId ${pdf.body.mediaId}: the file is a PDF document (application/pdf), not an image`);
  });

  it("cannot use another tenant's mediaId (404)", async () => {
    const theirs = await upload(samplePdf(), "theirs.pdf", stranger.key);
    const res = await send({ document: { mediaId: theirs.body.mediaId } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: "Media not found" });
  });

  it("the sandbox media route shows only what came from the caller's own sessions", async () => {
    const uploaded = await upload(samplePdf(), "mine.pdf");
    const sent = expectOk(await send({ document: { mediaId: uploaded.body.mediaId } }), "send").body;
    await received(sent.messageId);
    expect((await contactMedia(sent.messageId, stranger.key)).status).toBe(404);
    expect((await contactMedia("no-such-message")).status).toBe(404);
  });
});

describe("POST /api/messages/sticker", () => {
  async function sticker(fields: Record<string, string>, file: { bytes: Buffer; name: string } | null, headers: Record<string, string> = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append("file", new Blob([new Uint8Array(file.bytes)]), file.name);
    const res = await fetch(`${base}/api/messages/sticker`, { method: "POST", headers: { "X-API-Key": owner.key, ...headers }, body: form });
    return { status: res.status, body: (await res.json()) as any };
  }

  it("turns a PNG into a 512×512 WebP sticker with the pack metadata and sends it", async () => {
    const res = await sticker(
      { sessionId, jid: `${CONTACT}@s.whatsapp.net`, pack: "Toko Budi", author: "Budi" },
      { bytes: await samplePng(300, 120), name: "logo.png" },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ success: true, messageId: expect.any(String), mediaId: expect.any(String) });

    const message = await received(res.body.messageId);
    expect(message.kinds).toContain("stickerMessage");
    const got = await contactMedia(res.body.messageId);
    const stored = Buffer.from(await (await fetch(`${base}/api/media/${res.body.mediaId}`, { headers: { "X-API-Key": owner.key } })).arrayBuffer());
    expect(got.bytes.equals(stored)).toBe(true);
    const meta = await sharp(got.bytes).metadata();
    expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(["webp", 512, 512, true]);
    const exif = readWebpChunks(got.bytes).find((c) => c.fourcc === "EXIF")!.data;
    expect(parseStickerExif(exif)).toMatchObject({ "sticker-pack-name": "Toko Budi", "sticker-pack-publisher": "Budi" });
  });

  it("answers a retry with the same Idempotency-Key with the same message and sticker", async () => {
    const fields = { sessionId, jid: CONTACT };
    const file = { bytes: await sampleJpeg(), name: "a.jpg" };
    const first = await sticker(fields, file, { "Idempotency-Key": "sticker-retry-1" });
    const again = await sticker(fields, file, { "Idempotency-Key": "sticker-retry-1" });
    expect(first.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it("refuses what is not a PNG, JPEG or WebP image (415), and a bad or missing field (400)", async () => {
    const pdf = await sticker({ sessionId, jid: CONTACT }, { bytes: samplePdf(), name: "a.png" });
    expect(pdf.status).toBe(415);
    expect(pdf.body.error).toBe("file: stickers are made from PNG, JPEG or WebP images; this file is a PDF document");
    expect((await sticker({ sessionId, jid: CONTACT }, null)).status).toBe(400);
    const noJid = await sticker({ sessionId }, { bytes: await samplePng(), name: "a.png" });
    expect(noJid.status).toBe(400);
    expect(noJid.body.error).toMatch(/^jid: /);
    const badJid = await sticker({ sessionId, jid: "not-a-number" }, { bytes: await samplePng(), name: "a.png" });
    expect(badJid.status).toBe(400);
    expect(badJid.body.error).toMatch(/^jid: 'not-a-number'/);
  });

  it("is 404 for a session of another tenant", async () => {
    const form = new FormData();
    form.append("sessionId", sessionId);
    form.append("jid", CONTACT);
    form.append("file", new Blob([new Uint8Array(await samplePng())]), "a.png");
    const res = await fetch(`${base}/api/messages/sticker`, { method: "POST", headers: { "X-API-Key": stranger.key }, body: form });
    expect(res.status).toBe(404);
  });
});

describe("media URLs", () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    const png = await samplePng();
    server = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "image/png" }).end(png));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cat.png`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("on a loopback or private address are refused, naming the URL", async () => {
    for (const target of [
      url,
      url.replace("127.0.0.1", "localhost"),
      "http://10.1.2.3/x.png",
      "http://[::1]/x.png",
      "http://169.254.169.254/latest/meta-data",
    ]) {
      const res = await send({ image: { url: target } });
      expect(res.status, target).toBe(400);
      expect(res.body.error).toContain(`image.url ${target}:`);
      expect(res.body.error).toMatch(/private or loopback/);
    }
  });

  it("that are not http(s) are refused", async () => {
    const res = await send({ document: { url: "file:///etc/passwd" } });
    expect(res.status).toBe(400);
  });
});

describe("incoming media (auto-save)", () => {
  async function contactSendsImage(png: Buffer) {
    const sent = expectOk(
      await request("POST", `/api/sandbox/contacts/${CONTACT}/messages`, {
        baseUrl: base,
        as: { apiKey: owner.key },
        json: { to: sessionId, image: png.toString("base64"), mimetype: "image/png", caption: "from alice" },
      }),
      "contact sends",
    ).body;
    return waitFor(`message ${sent.messageId} in the chat`, async () => {
      const res = expectOk(await request("GET", `/api/chat/${sessionId}/${CONTACT}`, { baseUrl: base, as: { apiKey: owner.key } }), "chat");
      const m = (res.body as Array<{ keyId: string; mediaUrl: string | null; type: string }>).find((x) => x.keyId === sent.messageId);
      return m?.mediaUrl ? m : undefined;
    });
  }

  it("a contact's image lands in the chat with a mediaUrl that serves the same bytes, to its tenant only", async () => {
    const png = await samplePng(90, 90);
    const message = await contactSendsImage(png);
    expect(message.type).toBe("IMAGE");
    expect(message.mediaUrl).toMatch(/^\/api\/media\/[a-z0-9]+$/);
    const got = await fetch(`${base}${message.mediaUrl}`, { headers: { "X-API-Key": owner.key } });
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true);
    expect((await fetch(`${base}${message.mediaUrl}`, { headers: { "X-API-Key": stranger.key } })).status).toBe(404);
  });
});

describe("upload limits (MEDIA_MAX_BYTES = 200000)", () => {
  it("a file just over the limit is 413", async () => {
    const res = await upload(Buffer.concat([samplePdf(), Buffer.alloc(MAX_BYTES)]), "big.pdf");
    expect(res.status).toBe(413);
    expect(res.body.error).toBe(`file: larger than the limit of ${MAX_BYTES} bytes`);
  });

  it("a body whose Content-Length is far over the limit is refused before it is sent", async () => {
    const port = Number(new URL(base).port);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/media",
        headers: { "X-API-Key": owner.key, "Content-Type": "multipart/form-data; boundary=xyz", "Content-Length": String(50 * 1024 * 1024) },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => {
          resolve({ status: res.statusCode!, body });
          req.destroy();
        });
      });
      req.on("error", reject);
      // Only the headers and a first line: the answer must come without the other 50 MB.
      req.write("--xyz\r\n");
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: `file: larger than the limit of ${MAX_BYTES} bytes` });
  });

  it("a chunked body (no Content-Length) is cut off once it passes the limit", async () => {
    const port = Number(new URL(base).port);
    const answer = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      let done = false;
      const req = http.request({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/media",
        headers: { "X-API-Key": owner.key, "Content-Type": "multipart/form-data; boundary=xyz", "Transfer-Encoding": "chunked" },
      });
      req.on("response", (res) => {
        done = true;
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => {
          resolve({ status: res.statusCode!, body, sent });
          req.destroy();
        });
      });
      req.on("error", (error) => (done ? undefined : reject(error)));
      req.write('--xyz\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n\r\n%PDF-1.4\n');
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      // Keep sending until the server answers (it must, long before 20 MB).
      const pump = () => {
        if (done || sent > 20 * 1024 * 1024) return;
        sent += chunk.length;
        if (req.write(chunk)) setImmediate(pump);
        else req.once("drain", pump);
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeLessThan(20 * 1024 * 1024);
  });
});
