import { describe, expect, it } from "vitest";
import { mediaKindOf, parseWebhookReply, replyTargetOf } from "@/lib/webhooks/parse-webhook-reply";

const parse = (body: string, type = "") => parseWebhookReply(Buffer.from(body), type, 1024);

describe("webhook reply", () => {
  it("a plain-text body is a text reply", () => {
    expect(parse("This is a plain text reply from your webhook.\n", "text/plain; charset=utf-8")).toEqual({
      kind: "text",
      text: "This is a plain text reply from your webhook.",
    });
    expect(parse("hello")).toEqual({ kind: "text", text: "hello" });
  });

  it("{ text } is a text reply", () => {
    expect(parse('{"text":"Balasan text..."}', "application/json")).toEqual({ kind: "text", text: "Balasan text..." });
    expect(parse('{"text":"works without a content type"}')).toEqual({ kind: "text", text: "works without a content type" });
  });

  it("{ media, mimetype, caption, filename } is a media reply", () => {
    const media = Buffer.from("PNGDATA").toString("base64");
    expect(parse(JSON.stringify({ media, mimetype: "image/png", caption: "Keterangan foto" }), "application/json")).toEqual({
      kind: "media",
      bytes: Buffer.from("PNGDATA"),
      mimetype: "image/png",
      caption: "Keterangan foto",
      fileName: undefined,
    });
    expect(
      parse(JSON.stringify({ media: `data:application/pdf;base64,${media}`, mimetype: "application/pdf", filename: "../a.pdf" }), "application/json"),
    ).toMatchObject({
      kind: "media",
      fileName: ".._a.pdf",
    });
  });

  it("empty bodies, HTML and JSON without text or media are no reply", () => {
    expect(parse("")).toEqual({ kind: "none" });
    expect(parse("   \n")).toEqual({ kind: "none" });
    expect(parse("<html>ok</html>", "text/html")).toEqual({ kind: "none" });
    expect(parse('{"message":"Workflow was started"}', "application/json")).toEqual({ kind: "none" });
    expect(parse('{"text":"   "}', "application/json")).toEqual({ kind: "none" });
    expect(parse("[1,2]", "application/json")).toEqual({ kind: "none" });
  });

  it("refuses oversized or malformed media and broken JSON", () => {
    expect(parse(JSON.stringify({ media: Buffer.alloc(2048).toString("base64"), mimetype: "image/png" }), "application/json")).toMatchObject({
      kind: "invalid",
    });
    expect(parse(JSON.stringify({ media: "!!!", mimetype: "image/png" }), "application/json")).toMatchObject({ kind: "invalid" });
    expect(parse(JSON.stringify({ media: "AAAA" }), "application/json")).toMatchObject({ kind: "invalid", reason: expect.stringContaining("mimetype") });
    expect(parse('{"text": broken', "application/json")).toMatchObject({ kind: "invalid" });
    expect(parseWebhookReply(Buffer.from("x".repeat(70_000)), "text/plain", 1024)).toMatchObject({ kind: "invalid" });
  });

  it("maps mimetypes to message kinds", () => {
    expect(["image/png", "video/mp4", "audio/ogg", "application/pdf", "image/svg+xml"].map(mediaKindOf)).toEqual([
      "image",
      "video",
      "audio",
      "document",
      "document",
    ]);
  });
});

describe("reply target", () => {
  it("is the sender of an incoming 1:1 message only", () => {
    expect(replyTargetOf("message", { fromMe: false, remoteJid: "15550100002@s.whatsapp.net" })).toBe("15550100002@s.whatsapp.net");
    expect(replyTargetOf("message", { fromMe: false, remoteJid: "12345@lid" })).toBe("12345@lid");
    expect(replyTargetOf("message", { fromMe: true, remoteJid: "15550100002@s.whatsapp.net" })).toBeNull();
    expect(replyTargetOf("message.sent", { fromMe: false, remoteJid: "15550100002@s.whatsapp.net" })).toBeNull();
    expect(replyTargetOf("message", { fromMe: false, remoteJid: "1203630@g.us" })).toBeNull();
    expect(replyTargetOf("message", { fromMe: false, remoteJid: "status@broadcast" })).toBeNull();
    expect(replyTargetOf("message", { fromMe: false, remoteJid: "1@newsletter" })).toBeNull();
  });
});
