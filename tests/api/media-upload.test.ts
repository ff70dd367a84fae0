// POST /api/media and GET /api/media/[id] against the shared gateway: every accepted type is
// recognised from its bytes and comes back byte for byte; other types are 415 whatever they claim
// to be; a file is reachable only by its tenant (staff: through their assigned sessions).
import { beforeAll, describe, expect, it } from "vitest";
import { type Actor, type Credentials, baseUrl, createSession, createStaff, createSuperadmin, registerOwner } from "../support/api-client";
import { ACCEPTED_SAMPLES, samplePdf, samplePng, sampleDocx } from "../fixtures/media-samples";

let owner: Actor;
let other: Actor;
let staff: Actor;
let looseStaff: Actor;
let superadmin: Actor;
let sessionId: string;

beforeAll(async () => {
  [owner, other, superadmin] = await Promise.all([registerOwner("media"), registerOwner("mediaother"), createSuperadmin("mediasuper")]);
  sessionId = (await createSession({ cookie: owner.cookie }, "Media shop")).sessionId;
  [staff, looseStaff] = await Promise.all([createStaff(owner, [sessionId], "mediastaff"), createStaff(owner, [], "medialoose")]);
});

function headersFor(as: Credentials): Record<string, string> {
  if (!as) return {};
  if ("apiKey" in as) return { "X-API-Key": as.apiKey };
  if ("bearer" in as) return { Authorization: `Bearer ${as.bearer}` };
  return { Cookie: as.cookie };
}

async function upload(as: Credentials, file: { bytes: Buffer; name: string; type?: string } | null, fields: Record<string, string> = {}) {
  const form = new FormData();
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "" }), file.name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${baseUrl()}/api/media`, { method: "POST", headers: headersFor(as), body: form });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
}

async function download(as: Credentials, mediaId: string) {
  const res = await fetch(`${baseUrl()}/api/media/${mediaId}`, { headers: headersFor(as) });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const key = (actor: Actor): Credentials => ({ apiKey: actor.apiKey });

describe("POST /api/media", () => {
  it.each(ACCEPTED_SAMPLES.map((s) => [s.name, s] as const))("accepts %s and serves the same bytes back", async (_name, sample) => {
    const bytes = await sample.bytes();
    // The declared type is deliberately wrong: only the bytes count.
    const res = await upload(key(owner), { bytes, name: sample.fileName, type: "application/octet-stream" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      mediaId: expect.any(String),
      mimetype: sample.mimetype,
      size: bytes.length,
      fileName: sample.fileName,
      url: `/api/media/${res.body.mediaId}`,
    });

    const got = await download(key(owner), res.body.mediaId);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(bytes)).toBe(true);
    expect(got.headers.get("content-type")).toBe(sample.mimetype);
    // (No Content-Length: Next 16 drops it from every route handler's answer and sends chunked.)
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    const disposition = got.headers.get("content-disposition")!;
    expect(disposition).toMatch(sample.mimetype.startsWith("application/") ? /^attachment; / : /^inline; /);
    expect(disposition).toContain(`filename="${sample.fileName}"`);
  });

  it.each([
    ["plain text", Buffer.from("just some words\n"), "notes.txt", "text/plain", /declared as text\/plain/],
    ["HTML pretending to be a PNG", Buffer.from("<html><script>alert(document.cookie)</script></html>"), "cat.png", "image/png", /declared as image\/png/],
    ["an executable", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(512)]), "setup.exe", "", /of unknown type/],
  ])("refuses %s with 415 naming the type", async (_what, bytes, name, type, message) => {
    const res = await upload(key(owner), { bytes, name, type });
    expect(res.status).toBe(415);
    expect(res.body.error).toMatch(message);
    expect(res.body.error).toMatch(/Accepted: JPEG, PNG/);
  });

  it("refuses a macro-enabled Word file (a ZIP that is not a .docx)", async () => {
    const res = await upload(key(owner), { bytes: sampleDocx("application/vnd.ms-word.document.macroEnabled.main+xml"), name: "macro.docm" });
    expect(res.status).toBe(415);
  });

  it("answers 400 naming the field when the file is missing, empty, or the body is not multipart", async () => {
    expect(await upload(key(owner), null, { sessionId })).toMatchObject({ status: 400, body: { error: 'file: must be a file (multipart field "file")' } });
    expect(await upload(key(owner), { bytes: Buffer.alloc(0), name: "empty.pdf" })).toMatchObject({ status: 400, body: { error: "file: is empty" } });
    const res = await fetch(`${baseUrl()}/api/media`, {
      method: "POST",
      headers: { "X-API-Key": owner.apiKey, "Content-Type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/multipart\/form-data/);
    const unknown = await upload(key(owner), { bytes: samplePdf(), name: "a.pdf" }, { caption: "hello" });
    expect(unknown).toMatchObject({ status: 400, body: { error: "Unknown field: caption" } });
  });

  it("needs credentials, and a session named in the upload must be one the caller may see", async () => {
    expect((await upload(null, { bytes: samplePdf(), name: "a.pdf" })).status).toBe(401);
    expect((await upload(key(other), { bytes: samplePdf(), name: "a.pdf" }, { sessionId })).status).toBe(404);
    expect((await upload(key(looseStaff), { bytes: samplePdf(), name: "a.pdf" }, { sessionId })).status).toBe(404);
  });

  it("asks staff to name one of their sessions, so that they can use the file afterwards", async () => {
    const res = await upload(key(staff), { bytes: samplePdf(), name: "a.pdf" });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^sessionId: /);
  });

  it("keeps a safe file name", async () => {
    const res = await upload(key(owner), { bytes: samplePdf(), name: '../../etc/Laporan "Q1".pdf' });
    expect(res.body.fileName).toBe('Laporan "Q1".pdf');
    const got = await download(key(owner), res.body.mediaId);
    expect(got.headers.get("content-disposition")).toBe(`attachment; filename="Laporan _Q1_.pdf"; filename*=UTF-8''Laporan%20%22Q1%22.pdf`);
  });
});

describe("GET /api/media/[id]", () => {
  let ownerUpload: string; // no session
  let sessionUpload: string; // uploaded by staff for the assigned session
  let png: Buffer;
  beforeAll(async () => {
    png = await samplePng();
    ownerUpload = (await upload(key(owner), { bytes: png, name: "p.png" })).body.mediaId;
    sessionUpload = (await upload(key(staff), { bytes: png, name: "s.png" }, { sessionId })).body.mediaId;
  });

  it("serves the owner's and the superadmin's requests", async () => {
    for (const id of [ownerUpload, sessionUpload]) {
      expect((await download(key(owner), id)).bytes.equals(png)).toBe(true);
      expect((await download({ cookie: owner.cookie }, id)).status).toBe(200);
      expect((await download(key(superadmin), id)).status).toBe(200);
    }
  });

  it("is 404 for another tenant, as if the file did not exist", async () => {
    for (const id of [ownerUpload, sessionUpload, "no-such-media"]) {
      const res = await download(key(other), id);
      expect(res.status).toBe(404);
      expect(JSON.parse(res.bytes.toString())).toEqual({ error: "Media not found" });
    }
  });

  it("lets staff reach the files of their assigned sessions only", async () => {
    expect((await download(key(staff), sessionUpload)).status).toBe(200);
    expect((await download(key(staff), ownerUpload)).status).toBe(404);
    expect((await download(key(looseStaff), sessionUpload)).status).toBe(404);
  });

  it("needs credentials", async () => {
    expect((await download(null, ownerUpload)).status).toBe(401);
  });
});

describe("OpenAPI", () => {
  it("documents the multipart endpoints as multipart/form-data with their fields", async () => {
    const doc = await (await fetch(`${baseUrl()}/api/openapi.json`)).json();
    const upload = doc.paths["/api/media"].post.requestBody.content["multipart/form-data"].schema;
    expect(upload).toEqual({ type: "object", properties: { file: { type: "string", format: "binary" }, sessionId: { type: "string" } }, required: ["file"] });
    const sticker = doc.paths["/api/messages/sticker"].post.requestBody.content["multipart/form-data"].schema;
    expect(sticker.required).toEqual(["sessionId", "jid", "file"]);
    expect(Object.keys(sticker.properties)).toEqual(["sessionId", "jid", "file", "pack", "author"]);
    expect(doc.paths["/api/media/{id}"].get.parameters).toEqual([{ name: "id", in: "path", required: true, schema: { type: "string" } }]);
  });
});
