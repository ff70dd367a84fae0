// resolveMediaForSend's core against a real database and a real HTTP server on loopback: URLs go
// through safeFetch (private addresses refused unless allowed), the bytes' type must fit the kind,
// and a mediaId must be within the caller's reach (staff: through their assigned sessions).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import type { Caller } from "@/lib/auth/caller";
import { resolveMediaForSendWith, type ResolveMediaDeps } from "@/lib/media/resolve-media-for-send";
import { storeMedia } from "@/lib/media/store-media";
import { samplePdf, samplePng } from "../fixtures/media-samples";
import { createMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let dataDir: string;
let server: http.Server;
let origin: string;
let png: Buffer;

const FILES: Record<string, () => { status?: number; type: string; body: Buffer; headers?: Record<string, string> }> = {
  "/cat.png": () => ({ type: "image/png", body: png }),
  "/download": () => ({
    type: "application/octet-stream",
    body: samplePdf(),
    headers: { "Content-Disposition": `attachment; filename="x.pdf"; filename*=UTF-8''Laporan%20%E2%80%93%20Q1.pdf` },
  }),
  "/report.pdf": () => ({ type: "image/png", body: samplePdf() }),
  "/page.html": () => ({ type: "image/jpeg", body: Buffer.from("<html>not an image</html>") }),
  "/gone.png": () => ({ status: 404, type: "text/plain", body: Buffer.from("nope") }),
  "/redirect": () => ({ status: 302, type: "text/plain", body: Buffer.alloc(0), headers: { Location: "/cat.png" } }),
};

beforeAll(async () => {
  png = await samplePng(120, 80);
  database = await createMigratedTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), "wagate-media-"));
  server = http.createServer((req, res) => {
    const file = FILES[req.url ?? ""]?.();
    if (!file) return res.writeHead(404).end();
    res.writeHead(file.status ?? 200, { "Content-Type": file.type, ...file.headers }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const deps = (fetch: Partial<ResolveMediaDeps["fetch"]> = {}): ResolveMediaDeps => ({
  db: database.db,
  dataDir,
  fetch: { maxBytes: 1024 * 1024, timeoutMs: 5000, allowPrivate: true, ...fetch },
});

let n = 0;
async function tenant(): Promise<{ owner: Caller; sessionId: string; staff: (assigned: boolean) => Promise<Caller> }> {
  const suffix = `${Date.now().toString(36)}${n++}`;
  const user = await database.db.user.create({ data: { name: "Owner", email: `o${suffix}@t.local`, username: `o${suffix}`, passwordHash: "x" } });
  const owner: Caller = {
    id: user.id,
    role: "OWNER",
    name: "Owner",
    email: user.email,
    username: user.username,
    ownerId: null,
    tenantId: user.id,
    via: "apiKey",
  };
  const session = await database.db.whatsappSession.create({ data: { name: "S", sessionId: `s${suffix}`, ownerId: user.id } });
  let staffCount = 0;
  return {
    owner,
    sessionId: session.id,
    async staff(assigned) {
      const tag = `${suffix}x${staffCount++}`;
      const s = await database.db.user.create({
        data: { name: "Staff", email: `s${tag}@t.local`, username: `s${tag}`, passwordHash: "x", role: "STAFF", ownerId: user.id },
      });
      if (assigned) await database.db.sessionAssignment.create({ data: { sessionId: session.id, userId: s.id, ownerId: user.id } });
      return { id: s.id, role: "STAFF", name: "Staff", email: s.email, username: s.username, ownerId: user.id, tenantId: user.id, via: "apiKey" };
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("resolveMediaForSend with a URL", () => {
  it("refuses a loopback URL unless private addresses are allowed, naming the URL", async () => {
    const { owner } = await tenant();
    const error = await rejection(resolveMediaForSendWith(deps({ allowPrivate: false }), owner, { url: `${origin}/cat.png` }, "image"));
    expect(error.status).toBe(400);
    expect(error.message).toBe(`image.url ${origin}/cat.png: 127.0.0.1 resolves to a private or loopback address (127.0.0.1), which is not allowed`);
    expect(await database.db.media.count({ where: { ownerId: owner.tenantId } })).toBe(0);
  });

  it("with private addresses allowed, fetches, stores and returns the file as the tenant's upload", async () => {
    const { owner } = await tenant();
    const resolved = await resolveMediaForSendWith(deps(), owner, { url: `${origin}/cat.png` }, "image");
    expect(resolved).toEqual({ mediaId: expect.any(String), mimetype: "image/png", fileName: "cat.png" });
    const media = await database.db.media.findUniqueOrThrow({ where: { id: resolved.mediaId } });
    expect(media).toMatchObject({ ownerId: owner.tenantId, sessionId: null, source: "UPLOAD", size: png.length });
    expect(readFileSync(path.join(dataDir, "media", media.path)).equals(png)).toBe(true);
  });

  it("follows a redirect, and names the file from Content-Disposition when the server gives one", async () => {
    const { owner } = await tenant();
    expect((await resolveMediaForSendWith(deps(), owner, { url: `${origin}/redirect` }, "image")).fileName).toBe("cat.png");
    expect(await resolveMediaForSendWith(deps(), owner, { url: `${origin}/download` }, "document")).toMatchObject({
      mimetype: "application/pdf",
      fileName: "Laporan – Q1.pdf",
    });
  });

  it("goes by the bytes, not the server's Content-Type: a PDF is not an image, HTML is nothing", async () => {
    const { owner } = await tenant();
    const pdf = await rejection(resolveMediaForSendWith(deps(), owner, { url: `${origin}/report.pdf` }, "image"));
    expect(pdf.message).toBe(`image.url ${origin}/report.pdf: the file is a PDF document (application/pdf), not an image (JPEG, PNG, GIF or WebP)`);
    expect((await resolveMediaForSendWith(deps(), owner, { url: `${origin}/report.pdf` }, "document")).mimetype).toBe("application/pdf");
    const html = await rejection(resolveMediaForSendWith(deps(), owner, { url: `${origin}/page.html` }, "image"));
    expect(html.message).toBe(`image.url ${origin}/page.html: not a supported file type (the server called it image/jpeg)`);
  });

  it("refuses an error answer, a file over the size cap (413) and a non-http URL", async () => {
    const { owner } = await tenant();
    expect((await rejection(resolveMediaForSendWith(deps(), owner, { url: `${origin}/gone.png` }, "image"))).message).toBe(
      `image.url ${origin}/gone.png: answered HTTP 404`,
    );
    const big = await rejection(resolveMediaForSendWith(deps({ maxBytes: 100 }), owner, { url: `${origin}/cat.png` }, "image"));
    expect(big.status).toBe(413);
    expect(big.message).toBe(`image.url ${origin}/cat.png: the file is larger than 100 bytes`);
    expect((await rejection(resolveMediaForSendWith(deps(), owner, { url: "ftp://example.com/x.png" }, "image"))).status).toBe(400);
  });

  it("makes an image sent as a sticker into a 512×512 WebP sticker", async () => {
    const { owner } = await tenant();
    const resolved = await resolveMediaForSendWith(deps(), owner, { url: `${origin}/cat.png` }, "sticker");
    expect(resolved.mimetype).toBe("image/webp");
    const media = await database.db.media.findUniqueOrThrow({ where: { id: resolved.mediaId } });
    expect(media.source).toBe("STICKER");
    const meta = await sharp(readFileSync(path.join(dataDir, "media", media.path))).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 512, 512]);
  });
});

describe("resolveMediaForSend with a mediaId", () => {
  it("finds the tenant's file and checks its kind; another tenant's is 404", async () => {
    const a = await tenant();
    const b = await tenant();
    const stored = await storeMedia(deps(), {
      ownerId: a.owner.tenantId,
      source: "UPLOAD",
      bytes: samplePdf(),
      mimetype: "application/pdf",
      fileName: "a.pdf",
    });
    expect(await resolveMediaForSendWith(deps(), a.owner, { mediaId: stored.id }, "document")).toEqual({
      mediaId: stored.id,
      mimetype: "application/pdf",
      fileName: "a.pdf",
    });
    const wrongKind = await rejection(resolveMediaForSendWith(deps(), a.owner, { mediaId: stored.id }, "video"));
    expect(wrongKind.message).toBe(`video.mediaId ${stored.id}: the file is a PDF document (application/pdf), not a video (MP4 or 3GP)`);
    const foreign = await rejection(resolveMediaForSendWith(deps(), b.owner, { mediaId: stored.id }, "document"));
    expect([foreign.status, foreign.message]).toEqual([404, "Media not found"]);
  });

  it("lets staff use their sessions' files, and a session-less upload once it went out through one of them", async () => {
    const t = await tenant();
    const [assigned, unassigned] = [await t.staff(true), await t.staff(false)];
    const ofSession = await storeMedia(deps(), { ownerId: t.owner.tenantId, sessionId: t.sessionId, source: "UPLOAD", bytes: png, mimetype: "image/png" });
    const loose = await storeMedia(deps(), { ownerId: t.owner.tenantId, source: "UPLOAD", bytes: png, mimetype: "image/png" });
    expect((await resolveMediaForSendWith(deps(), assigned, { mediaId: ofSession.id }, "image")).mediaId).toBe(ofSession.id);
    expect((await rejection(resolveMediaForSendWith(deps(), unassigned, { mediaId: ofSession.id }, "image"))).status).toBe(404);
    expect((await rejection(resolveMediaForSendWith(deps(), assigned, { mediaId: loose.id }, "image"))).status).toBe(404);
    await database.db.message.create({
      data: {
        sessionId: t.sessionId,
        ownerId: t.owner.tenantId,
        remoteJid: "15550100002@s.whatsapp.net",
        keyId: `K${Date.now()}`,
        fromMe: true,
        timestamp: new Date(),
        mediaId: loose.id,
      },
    });
    expect((await resolveMediaForSendWith(deps(), assigned, { mediaId: loose.id }, "image")).mediaId).toBe(loose.id);
    expect((await rejection(resolveMediaForSendWith(deps(), unassigned, { mediaId: loose.id }, "image"))).status).toBe(404);
  });
});
